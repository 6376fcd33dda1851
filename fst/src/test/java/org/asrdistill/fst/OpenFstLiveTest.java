package org.asrdistill.fst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.asrdistill.fst.io.OpenFstBinary;
import org.asrdistill.fst.ops.Compose;
import org.asrdistill.fst.ops.Determinize;
import org.asrdistill.fst.ops.Minimize;
import org.asrdistill.fst.ops.RmEpsilon;
import org.asrdistill.fst.ops.ShortestDistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live conformance with OpenFst's command-line tools (Debian libfst-tools), skipped when fstcompile is not
 * on PATH. Inputs are written with our binary writer (vector, every third one const), OpenFst's outputs
 * read with our reader. With -Dfst.writeGolden=FILE the first 120 cases are also stored as a golden file.
 */
class OpenFstLiveTest {
  static final int CASES = Integer.getInteger("fst.live.cases", 520);
  private static final int SHARDS = 2;

  @TempDir
  Path dir;

  static boolean onPath(String tool) {
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(p, tool))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void agreesWithOpenFst() throws Exception {
    assumeTrue(onPath("fstcompile") && onPath("fstequivalent"), "OpenFst tools (libfst-tools) not installed");
    StringBuilder[] shards = new StringBuilder[SHARDS];
    for (int k = 0; k < SHARDS; k++) {
      shards[k] = new StringBuilder("set -u\ncd '" + dir + "'\n");
    }
    List<OpenFstCases.Case> cases = new ArrayList<>();
    String golden = System.getProperty("fst.writeGolden");
    for (int i = 0; i < CASES; i++) {
      OpenFstCases.Case c = OpenFstCases.make(i);
      cases.add(c);
      StringBuilder sh = shards[i % SHARDS];
      String type = i % 3 == 2 ? "const" : "vector";
      OpenFstBinary.write(c.x(), dir.resolve(i + ".x.fst"), type);
      OpenFstBinary.write(c.y(), dir.resolve(i + ".y.fst"), type);
      OpenFstBinary.write(c.z(), dir.resolve(i + ".z.fst"), type);
      String p = i + ".";
      sh.append("fstrmepsilon ").append(p).append("x.fst ").append(p).append("rm.fst\n");
      sh.append("fstrmepsilon ").append(p).append("z.fst ").append(p).append("zrm.fst\n");
      sh.append("fstarcsort --sort_type=ilabel ").append(p).append("y.fst | fstcompose ").append(p)
          .append("x.fst - ").append(p).append("comp.fst\n");
      sh.append("fstshortestdistance --delta=1e-6 ").append(p).append("x.fst > ").append(p).append("xsd.txt\n");
      sh.append("fstshortestdistance --delta=1e-6 ").append(p).append("z.fst > ").append(p).append("zsd.txt\n");
      if (c.determinizable()) {
        VectorFst det = Determinize.determinize(c.x(), Determinize.Options.defaults());
        VectorFst min = Minimize.minimize(det, Semiring.DEFAULT_DELTA);
        OpenFstBinary.write(det, dir.resolve(p + "ourdet.fst"), "vector");
        OpenFstBinary.write(min, dir.resolve(p + "ourmin.fst"), "const");
        sh.append("fstdeterminize ").append(p).append("x.fst ").append(p).append("det.fst\n");
        sh.append("fstminimize ").append(p).append("det.fst ").append(p).append("min.fst\n");
        if (c.acceptor() && c.semiring() == Semiring.TROPICAL) {
          // Tropical only: in the log semiring OpenFst's own determinize/push results carry float errors of
          // ~4e-4 that fstequivalent's weight quantisation rejects; log cases are compared path by path.
          // fstequivalent needs epsilon-free deterministic acceptors: compare our determinize-star (epsilon
          // removal while determinizing) and its minimization with fstrmepsilon | fstdeterminize | fstminimize.
          VectorFst dstar = Determinize.determinizeStar(c.x(), Determinize.Options.defaults());
          OpenFstBinary.write(dstar, dir.resolve(p + "ourdstar.fst"), "vector");
          OpenFstBinary.write(Minimize.minimize(dstar, Semiring.DEFAULT_DELTA), dir.resolve(p + "ourmstar.fst"),
              "vector");
          sh.append("fstdeterminize ").append(p).append("rm.fst ").append(p).append("dstar.fst\n");
          sh.append("fstminimize ").append(p).append("dstar.fst ").append(p).append("mstar.fst\n");
          for (String op : new String[] {"dstar", "mstar"}) {
            sh.append("fstequivalent --delta=0.002 ").append(p).append("our").append(op).append(".fst ").append(p)
                .append(op).append(".fst; echo \"").append(i).append(' ').append(op).append(" $?\" >> eq").append(i % SHARDS)
                .append(".txt\n");
          }
        }
      }
      if (golden != null && i < OpenFstGoldenTest.GOLDEN_CASES) {
        for (String f : new String[] {"x", "y", "z", "rm", "zrm", "comp", "det", "min"}) {
          sh.append("[ -f ").append(p).append(f).append(".fst ] && fstprint ").append(p).append(f).append(".fst > ")
              .append(p).append(f).append(".txt\n");
        }
      }
    }
    List<Process> procs = new ArrayList<>();
    for (int k = 0; k < SHARDS; k++) {
      Files.writeString(dir.resolve("run" + k + ".sh"), shards[k].toString());
      Files.writeString(dir.resolve("eq" + k + ".txt"), "");
      procs.add(new ProcessBuilder("bash", "run" + k + ".sh").directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("log" + k + ".txt").toFile()).start());
    }
    for (int k = 0; k < SHARDS; k++) {
      int shard = k;
      assertEquals(0, procs.get(k).waitFor(), () -> read(dir.resolve("log" + shard + ".txt")));
    }

    Map<String, int[]> counts = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (OpenFstCases.Case c : cases) {
      String p = c.id() + ".";
      Fst rm = OpenFstBinary.read(dir.resolve(p + "rm.fst"));
      Fst zrm = OpenFstBinary.read(dir.resolve(p + "zrm.fst"));
      Fst comp = OpenFstBinary.read(dir.resolve(p + "comp.fst"));
      Fst det = c.determinizable() ? OpenFstBinary.read(dir.resolve(p + "det.fst")) : null;
      Fst min = c.determinizable() ? OpenFstBinary.read(dir.resolve(p + "min.fst")) : null;
      ConformanceChecks.Result r = ConformanceChecks.check(c, rm, zrm, comp, det, min,
          ConformanceChecks.parseDistances(read(dir.resolve(p + "xsd.txt"))),
          ConformanceChecks.parseDistances(read(dir.resolve(p + "zsd.txt"))));
      r.tally(counts, failures);
    }
    String eq = read(dir.resolve("eq0.txt")) + read(dir.resolve("eq1.txt"));
    for (String line : eq.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ");
      String key = (f[1].equals("dstar") ? "determinize-star" : "minimize(determinize-star)") + " fstequivalent";
      counts.computeIfAbsent(key, k -> new int[2])[0]++;
      if (f[2].equals("0")) {
        counts.get(key)[1]++;
      } else {
        failures.add("case " + f[0] + " " + key + " exit " + f[2]);
      }
    }
    StringBuilder report = new StringBuilder("OpenFst live conformance, " + CASES + " random cases:\n");
    counts.forEach((k, v) -> report.append(String.format(Locale.ROOT, "  %-28s %d/%d agree%n", k, v[1], v[0])));
    System.out.print(report);
    if (golden != null) {
      OpenFstGoldenTest.writeGolden(dir, Path.of(golden));
    }
    assertEquals(List.of(), failures, report.toString());
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
