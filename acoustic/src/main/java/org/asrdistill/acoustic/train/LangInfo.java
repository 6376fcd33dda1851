package org.asrdistill.acoustic.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asrdistill.acoustic.tree.IntSetsFile;
import org.asrdistill.decoder.graph.GraphDir;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.io.OpenFstBinary;
import org.asrdistill.fst.ops.ArcSort;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.hmm.phones.SymbolTableText;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.kaldiio.KaldiFormatException;

/**
 * What training needs from a Kaldi lang directory (as make-lang / prepare_lang.sh write it): words.txt, oov.int,
 * topo, L.fst (arc-sorted on output labels for composition), phones/{disambig,sets,roots,extra_questions,
 * context_indep}.int and phones/align_lexicon.int (a word's first pronunciation, used by the equal alignment).
 */
public record LangInfo(Path dir, Map<String, Integer> wordIds, int oovId, HmmTopology topo, VectorFst lexicon,
    Set<Integer> disambig, List<int[]> sets, Path rootsFile, List<int[]> extraQuestions, int[] contextIndependent,
    Map<Integer, int[]> firstPronunciation) {

  public static LangInfo read(Path dir) throws IOException {
    for (String f : List.of("words.txt", "topo", "L.fst", "phones/sets.int", "phones/roots.int",
        "phones/align_lexicon.int", "phones/disambig.int")) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new IOException("lang directory " + dir + " lacks " + f + " (make it with make-lang)");
      }
    }
    List<String> byId = SymbolTableText.readById(dir.resolve("words.txt").toString());
    Map<String, Integer> words = new HashMap<>();
    for (int i = 0; i < byId.size(); i++) {
      if (byId.get(i) != null) {
        words.put(byId.get(i), i);
      }
    }
    int oov = -1;
    Path oovFile = dir.resolve("oov.int");
    if (Files.isRegularFile(oovFile)) {
      oov = Integer.parseInt(Files.readString(oovFile).trim());
    }
    HmmTopology topo = KaldiObjects.readFile(dir.resolve("topo").toString(), HmmTopology::read);
    VectorFst l = VectorFst.copyOf(OpenFstBinary.read(dir.resolve("L.fst")));
    ArcSort.byOutput(l);
    Set<Integer> disambig = GraphDir.readDisambigFile(dir.resolve("phones/disambig.int"));
    List<int[]> sets = IntSetsFile.read(dir.resolve("phones/sets.int").toString());
    Path eq = dir.resolve("phones/extra_questions.int");
    List<int[]> extra = Files.isRegularFile(eq) ? nonEmpty(IntSetsFile.read(eq.toString())) : List.of();
    Path ci = dir.resolve("phones/context_indep.int");
    int[] ciPhones = Files.isRegularFile(ci) ? Files.readAllLines(ci).stream().filter(s -> !s.isBlank())
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray() : new int[0];
    Map<Integer, int[]> prons = new HashMap<>();
    Path al = dir.resolve("phones/align_lexicon.int");
    int lineNo = 0;
    for (String line : Files.readAllLines(al)) {
      lineNo++;
      String[] f = line.trim().split("\\s+");
      if (line.isBlank()) {
        continue;
      }
      if (f.length < 3 || !f[0].equals(f[1])) {
        throw new KaldiFormatException(al.toString(), null, lineNo, "expected 'word word phone...', got: " + line);
      }
      int w = Integer.parseInt(f[0]);
      if (!prons.containsKey(w)) {
        int[] p = new int[f.length - 2];
        for (int i = 2; i < f.length; i++) {
          p[i - 2] = Integer.parseInt(f[i]);
        }
        prons.put(w, p);
      }
    }
    return new LangInfo(dir, Map.copyOf(words), oov, topo, l, disambig, nonEmpty(sets), dir.resolve(
        "phones/roots.int"), extra, ciPhones, Map.copyOf(prons));
  }

  private static List<int[]> nonEmpty(List<int[]> sets) {
    List<int[]> out = new ArrayList<>();
    for (int[] s : sets) {
      if (s.length > 0) {
        out.add(s);
      }
    }
    return out;
  }

  /** The phones of the words' first pronunciations (no silence), or null if a word has none. */
  public int[] phonesOf(int[] words) {
    List<int[]> parts = new ArrayList<>();
    int n = 0;
    for (int w : words) {
      int[] p = firstPronunciation.get(w);
      if (p == null) {
        return null;
      }
      parts.add(p);
      n += p.length;
    }
    int[] out = new int[n];
    int k = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, out, k, p.length);
      k += p.length;
    }
    return out;
  }
}
