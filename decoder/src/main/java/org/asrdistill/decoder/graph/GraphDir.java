package org.asrdistill.decoder.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.io.OpenFstBinary;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.kaldiio.KaldiFormatException;

/**
 * Reads a lang directory (L_disambig.fst, G.fst, phones/disambig.int) and writes a graph directory as
 * {@code utils/mkgraph.sh}: HCLG.fst (OpenFst const, transition-id inputs, word outputs) and copies of words.txt,
 * phones.txt and phones/. (Disambiguation transition-ids are removed from HCLG, so no disambig_tid.int.)
 */
public final class GraphDir {
  private GraphDir() {
  }

  /** Reads {@code phones/disambig.int} of a lang directory. */
  public static Set<Integer> readDisambig(Path langDir) throws IOException {
    return readDisambigFile(langDir.resolve("phones").resolve("disambig.int"));
  }

  /** Reads a list of integer symbols, one per line (e.g. phones/disambig.int). */
  public static Set<Integer> readDisambigFile(Path p) throws IOException {
    Set<Integer> out = new HashSet<>();
    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).trim();
      if (t.isEmpty()) {
        continue;
      }
      try {
        out.add(Integer.parseInt(t));
      } catch (NumberFormatException e) {
        throw new KaldiFormatException(p.toString(), "line " + (i + 1), -1, "expected an integer; got: '" + t + "'");
      }
    }
    return out;
  }

  /** Builds HCLG from the lang directory and writes the graph directory; returns the pipeline's graphs. */
  public static Hclg.Result make(Path langDir, ContextDependency ctx, TransitionModel tm, Path graphDir,
      Hclg.Options opt) throws IOException {
    Fst l = OpenFstBinary.read(langDir.resolve("L_disambig.fst"));
    Fst g = OpenFstBinary.read(langDir.resolve("G.fst"));
    Set<Integer> disambig = readDisambig(langDir);
    Hclg.Result r = Hclg.build(l, g, disambig, ctx, tm, opt);
    Files.createDirectories(graphDir.resolve("phones"));
    OpenFstBinary.write(r.hclg(), graphDir.resolve("HCLG.fst"), "const");
    copy(langDir.resolve("words.txt"), graphDir.resolve("words.txt"));
    copy(langDir.resolve("phones.txt"), graphDir.resolve("phones.txt"));
    try (var files = Files.list(langDir.resolve("phones"))) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p)) {
          copy(p, graphDir.resolve("phones").resolve(p.getFileName()));
        }
      }
    }
    return r;
  }

  private static void copy(Path from, Path to) throws IOException {
    Path tmp = to.resolveSibling(to.getFileName() + ".tmp." + ProcessHandle.current().pid());
    Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
