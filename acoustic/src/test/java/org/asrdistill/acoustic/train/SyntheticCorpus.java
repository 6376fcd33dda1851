package org.asrdistill.acoustic.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.asrdistill.decoder.graph.LangDir;
import org.asrdistill.frontend.cmvn.Cmvn;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.TableWriter;

/**
 * A tiny corpus with known acoustics for end-to-end GMM training tests: four phones of three HMM states, each
 * state a Gaussian blob in 6 dimensions (its own mean, unit noise), words of two phones, silence at both ends
 * and sometimes between words; a Kaldi data dir (feats.scp, cmvn.scp, utt2spk, spk2utt, text) and a lang dir.
 */
final class SyntheticCorpus {
  static final String[] WORDS = {"ab", "cd", "ca", "bd"};
  static final String[][] PRONS = {{"AA", "BB"}, {"CC", "DD"}, {"CC", "AA"}, {"BB", "DD"}};
  static final int DIM = 6;

  private SyntheticCorpus() {
  }

  /** Writes data/{train} and data/lang under {@code root}; returns the reference transcripts. */
  static Map<String, String> make(Path root, int numUtts, long seed) throws IOException {
    Random rnd = new Random(seed);
    Map<String, float[]> means = new HashMap<>();
    for (String ph : new String[] {"AA", "BB", "CC", "DD", "SIL"}) {
      for (int s = 0; s < 3; s++) {
        float[] m = new float[DIM];
        for (int d = 0; d < DIM; d++) {
          m[d] = (float) (4 * rnd.nextGaussian());
        }
        means.put(ph + s, m);
      }
    }
    Path data = root.resolve("data/train");
    Files.createDirectories(data);
    Path dict = root.resolve("lexicon.txt");
    List<String> lex = new ArrayList<>();
    for (int w = 0; w < WORDS.length; w++) {
      lex.add(WORDS[w] + " " + String.join(" ", PRONS[w]));
    }
    Files.write(dict, lex);
    LangDir.write(LangDir.Dict.read(dict, List.of("SIL")), "<UNK>", root.resolve("data/lang"),
        LangDir.Options.defaults());
    Map<String, String> text = new java.util.TreeMap<>();
    List<String> utt2spk = new ArrayList<>();
    Map<String, List<String>> spk2utt = new java.util.TreeMap<>();
    Map<String, DoubleMatrix> cmvn = new HashMap<>();
    try (TableWriter<FloatMatrix> w = TableWriter.open("ark,scp:" + data.resolve("feats.ark") + ","
        + data.resolve("feats.scp"), Holders.FLOAT_MATRIX)) {
      for (int u = 0; u < numUtts; u++) {
        String spk = "spk" + (u % 3);
        String key = spk + "-u" + String.format(java.util.Locale.ROOT, "%03d", u);
        int n = 1 + rnd.nextInt(4);
        List<String> words = new ArrayList<>();
        List<float[]> frames = new ArrayList<>();
        emit(frames, "SIL", "", 5 + rnd.nextInt(5), means, rnd);
        String prev = "SIL";
        for (int i = 0; i < n; i++) {
          int wi = rnd.nextInt(WORDS.length);
          words.add(WORDS[wi]);
          for (String ph : PRONS[wi]) {
            emit(frames, ph, prev, 0, means, rnd);
            prev = ph;
          }
          if (rnd.nextInt(3) == 0) {
            emit(frames, "SIL", "", 4 + rnd.nextInt(4), means, rnd);
            prev = "SIL";
          }
        }
        emit(frames, "SIL", "", 5 + rnd.nextInt(5), means, rnd);
        float[] flat = new float[frames.size() * DIM];
        for (int t = 0; t < frames.size(); t++) {
          System.arraycopy(frames.get(t), 0, flat, t * DIM, DIM);
        }
        FloatMatrix m = new FloatMatrix(frames.size(), DIM, flat);
        w.write(key, m);
        text.put(key, String.join(" ", words));
        utt2spk.add(key + " " + spk);
        spk2utt.computeIfAbsent(spk, k -> new ArrayList<>()).add(key);
        Cmvn.accumulate(cmvn.computeIfAbsent(spk, k -> Cmvn.newStats(DIM)), m);
      }
      w.commit();
    }
    try (TableWriter<DoubleMatrix> w = TableWriter.open("ark,scp:" + data.resolve("cmvn.ark") + ","
        + data.resolve("cmvn.scp"), Holders.DOUBLE_MATRIX)) {
      for (String spk : new java.util.TreeSet<>(cmvn.keySet())) {
        w.write(spk, cmvn.get(spk));
      }
      w.commit();
    }
    List<String> t = new ArrayList<>();
    text.forEach((k, v) -> t.add(k + " " + v));
    Files.write(data.resolve("text"), t);
    java.util.Collections.sort(utt2spk);
    Files.write(data.resolve("utt2spk"), utt2spk);
    List<String> s2u = new ArrayList<>();
    spk2utt.forEach((k, v) -> s2u.add(k + " " + String.join(" ", v)));
    Files.write(data.resolve("spk2utt"), s2u);
    return text;
  }

  /**
   * Frames of one phone: its three states, 2-5 frames each (or {@code total} frames spread over the states). The
   * first state of a non-silence phone is coloured by the previous phone (a left-context effect for the tree).
   */
  private static void emit(List<float[]> out, String ph, String prev, int total, Map<String, float[]> means,
      Random rnd) {
    for (int s = 0; s < 3; s++) {
      int len = total > 0 ? Math.max(1, total / 3) : 2 + rnd.nextInt(4);
      float[] m = means.get(ph + s).clone();
      if (s == 0 && !prev.isEmpty()) {
        float[] c = means.get(prev + 2);
        for (int d = 0; d < DIM; d++) {
          m[d] += 1.5f * c[d];
        }
      }
      for (int k = 0; k < len; k++) {
        float[] f = new float[DIM];
        for (int d = 0; d < DIM; d++) {
          f[d] = (float) (m[d] + rnd.nextGaussian());
        }
        out.add(f);
      }
    }
  }
}
