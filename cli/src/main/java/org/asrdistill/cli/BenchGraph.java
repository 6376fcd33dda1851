package org.asrdistill.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.asrdistill.decoder.graph.BenchModels;
import org.asrdistill.decoder.graph.CmuDict;
import org.asrdistill.decoder.graph.GraphDir;
import org.asrdistill.decoder.graph.GrammarFst;
import org.asrdistill.decoder.graph.Hclg;
import org.asrdistill.decoder.graph.LangDir;
import org.asrdistill.decoder.lm.ArpaModel;
import org.asrdistill.decoder.lm.KneserNey;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.io.OpenFstBinary;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.ops.Compose;
import org.asrdistill.fst.ops.Determinize;
import org.asrdistill.fst.ops.Minimize;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.hmm.topology.HmmTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench-graph",
    header = "Benchmarks LG and HCLG construction against OpenFst's fstcompose | fstdeterminize | fstminimize.",
    customSynopsis = "Usage: bench-graph [options] <work-dir>",
    footer = {"Builds a lexicon of --num-words CMUdict words (most frequent in --text first), an --order LM on --text",
        "(make-lm), G (arpa2fst), then times LG and HCLG, each in a fresh JVM (peak RSS = VmHWM), next to OpenFst's",
        "pipeline on the same L_disambig.fst and G.fst (peak RSS by /usr/bin/time).",
        "e.g.: bench-graph --text=/tmp/synth-sentences/local/lm_train_text.txt /tmp/bench-graph",
        "See also: make-graph, make-lang, make-lm"})
public final class BenchGraph extends KaldiTool {
  @Option(names = "--dict", description = "Default: ${DEFAULT-VALUE}")
  String dict = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

  @Option(names = "--text", description = "LM training text. Default: ${DEFAULT-VALUE}")
  String text = "/tmp/synth-sentences/local/lm_train_text.txt";

  @Option(names = "--num-words", description = "Default: ${DEFAULT-VALUE}")
  int numWords = 20000;

  @Option(names = "--order", description = "Default: ${DEFAULT-VALUE}")
  int order = 3;

  @Option(names = "--context-width", description = "1 (monophone) or 3 (triphone C). Default: ${DEFAULT-VALUE}")
  int contextWidth = 3;

  @Option(names = "--stage", hidden = true, description = "Internal: run one timed stage (lg or hclg) in this JVM.")
  String stage;

  @Parameters(index = "0", paramLabel = "<work-dir>")
  String workDir;

  @Override
  protected int run() throws Exception {
    Path dir = Path.of(workDir);
    Path lang = dir.resolve("lang");
    if (stage != null) {
      return runStage(lang);
    }
    List<List<String>> sentences = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(text), StandardCharsets.UTF_8)) {
      sentences.add(line.isBlank() ? List.of() : List.of(line.trim().split("\\s+")));
    }
    var lex = CmuDict.select(CmuDict.read(Path.of(dict)), sentences, numWords);
    LangDir.Result r = LangDir.write(new LangDir.Dict(lex, List.of(List.of("SIL")),
        lex.phones().stream().map(List::of).toList(), "SIL", List.of()), "<unk>", lang, LangDir.Options.defaults());
    ArpaModel lm = KneserNey.estimate(sentences, new KneserNey.Options(order, lex.sortedWords().stream().collect(java.util.stream.Collectors.toSet())));
    GrammarFst.Compiled g = GrammarFst.fromArpa(lm, w -> r.words().indexOf(w), r.words().indexOf("#0"), "<s>", "</s>");
    OpenFstBinary.write(g.fst(), lang.resolve("G.fst"), "vector");
    log(String.format(Locale.ROOT, "%d words; L_disambig %d states %d arcs; G (%d-gram) %d states %d arcs",
        r.words().size() - 5, r.lexiconDisambigFst().numStates(), r.lexiconDisambigFst().totalArcs(), order,
        g.fst().numStates(), g.fst().totalArcs()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    String ours = "'" + java + "' -cp '" + cp + "' org.asrdistill.cli.AsrDistill bench-graph --context-width="
        + contextWidth + " --stage=";
    String[] lgOurs = timed(ours + "lg '" + dir + "'");
    String l = lang.resolve("L_disambig.fst").toString();
    String gf = lang.resolve("G.fst").toString();
    String[] lgOfst = timed("/usr/bin/time -f 'rss=%M' fstcompose '" + l + "' '" + gf + "' 2>" + dir + "/t1"
        + " | /usr/bin/time -f 'rss=%M' fstdeterminize 2>" + dir + "/t2 | /usr/bin/time -f 'rss=%M' fstminimize - '"
        + dir + "/LG.openfst.fst' 2>" + dir + "/t3 && cat " + dir + "/t1 " + dir + "/t2 " + dir + "/t3 && fstinfo '"
        + dir + "/LG.openfst.fst' | grep -E '^# of (states|arcs)'");
    String[] hclg = timed(ours + "hclg '" + dir + "'");
    System.out.println(String.format(Locale.ROOT, "%-36s %9s %12s  %s", "graph", "wall s", "peak RSS MB", "details"));
    System.out.println(row("LG ours (compose+det*+min)", lgOurs));
    System.out.println(row("LG OpenFst (compose|det|min)", lgOfst));
    System.out.println(row("HCLG ours (L,G -> HCLG, C N=" + contextWidth + ")", hclg));
    return 0;
  }

  private int runStage(Path lang) throws Exception {
    Path dir = lang.getParent();
    long t0 = System.nanoTime();
    String info;
    if (stage.equals("lg")) {
      Fst l = OpenFstBinary.read(lang.resolve("L_disambig.fst"));
      Fst g = OpenFstBinary.read(lang.resolve("G.fst"));
      long t1 = System.nanoTime();
      Fst lg = Compose.compose(l, g, Compose.Options.defaults());
      long t2 = System.nanoTime();
      Fst det = Hclg.withSemiring(Determinize.determinizeStar(Hclg.withSemiring(lg, Semiring.LOG),
          Determinize.Options.defaults()), Semiring.TROPICAL);
      long t3 = System.nanoTime();
      Fst min = Minimize.minimizeEncoded(det, Semiring.DEFAULT_DELTA);
      long t4 = System.nanoTime();
      info = String.format(Locale.ROOT, "states=%d arcs=%d (read %.2f compose %.2f det* %.2f min %.2f s)",
          min.numStates(), min.totalArcs(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
    } else {
      HmmTopology topo = KaldiObjects.readFile(lang.resolve("topo").toString(), HmmTopology::read);
      BenchModels.Model m = BenchModels.create(topo, contextWidth);
      Hclg.Result r = GraphDir.make(lang, m.tree(), m.transitions(), dir.resolve("graph"), Hclg.Options.defaults());
      info = String.format(Locale.ROOT, "LG %d/%d CLG %d/%d (%d ilabels) HCLG states=%d arcs=%d",
          r.lg().numStates(), r.lg().totalArcs(), r.clg().numStates(), r.clg().totalArcs(), r.ilabelInfo().size(),
          r.hclg().numStates(), r.hclg().totalArcs());
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(s -> s.startsWith("VmHWM"))
        .findFirst().orElse("VmHWM: 0 kB").replaceAll("\\D+", "");
    System.out.println(String.format(Locale.ROOT, "stage=%s secs=%.2f rss=%s %s", stage, secs, hwm, info));
    return 0;
  }

  /** Runs a shell command; returns {wall seconds, output}. */
  private static String[] timed(String cmd) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("bash", "-c", "set -o pipefail; " + cmd).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("command failed: " + cmd + "\n" + err);
    }
    return new String[] {String.format(Locale.ROOT, "%.2f", (System.nanoTime() - t0) / 1e9), out};
  }

  private static String row(String name, String[] r) {
    long maxRss = 0;
    long sumRss = 0;
    var m = java.util.regex.Pattern.compile("rss=(\\d+)").matcher(r[1]);
    while (m.find()) {
      long kb = Long.parseLong(m.group(1));
      maxRss = Math.max(maxRss, kb);
      sumRss += kb;
    }
    String details = r[1].replaceAll("stage=\\S+ |rss=\\d+\\s*", "").replaceAll("\\s+", " ").trim();
    return String.format(Locale.ROOT, "%-36s %9s %12.1f  %s", name, r[0], sumRss / 1024.0, details);
  }
}
