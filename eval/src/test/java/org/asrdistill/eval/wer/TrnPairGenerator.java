package org.asrdistill.eval.wer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded generator of reference/hypothesis pairs in sclite trn format for the sclite comparison: random
 * edits (substitutions, deletions, insertions) over small and large vocabularies (small ones make many
 * equal-cost alignments, which exercise the tie-breaking), plus empty references, empty hypotheses,
 * all-insertion, both-empty and repeated-word cases, spread over several speakers.
 *
 * <p>{@code main(dir, count, seed)} writes {@code dir/ref.trn} and {@code dir/hyp.trn}.
 */
public final class TrnPairGenerator {
  private static final String[] WORDS = {"a", "the", "one", "two", "three", "four", "five", "six", "seven",
      "eight", "nine", "zero", "oh", "cat", "dog", "house", "of", "to", "in", "speech", "recognition", "is",
      "hard", "easy", "very", "distillation", "ensemble", "model", "network", "word", "error", "rate", "x",
      "yes", "no", "and", "or", "but", "then", "now"};

  private TrnPairGenerator() {
  }

  /** Generated pairs: lines of ref.trn and hyp.trn. */
  public record Pairs(List<String> refLines, List<String> hypLines) {
  }

  public static Pairs generate(int count, long seed) {
    Random rnd = new Random(seed);
    List<String> refs = new ArrayList<>();
    List<String> hyps = new ArrayList<>();
    int speakers = 7;
    for (int i = 0; i < count; i++) {
      String id = String.format(Locale.ROOT, "spk%d-utt%05d", i % speakers, i);
      int vocab = rnd.nextBoolean() ? 2 + rnd.nextInt(4) : WORDS.length;
      List<String> ref = new ArrayList<>();
      List<String> hyp = new ArrayList<>();
      switch (i % 25) {
        case 0 -> randomWords(rnd, hyp, 1 + rnd.nextInt(8), vocab); // empty reference: all insertions
        case 1 -> randomWords(rnd, ref, 1 + rnd.nextInt(8), vocab); // empty hypothesis: all deletions
        case 2 -> {
          // both empty
        }
        case 3 -> {
          String w = WORDS[rnd.nextInt(WORDS.length)];
          repeat(ref, w, 1 + rnd.nextInt(8));
          repeat(hyp, w, 1 + rnd.nextInt(8));
        }
        case 4 -> {
          for (int k = 0, n = 2 + rnd.nextInt(5); k < n; k++) {
            ref.add(WORDS[0]);
            ref.add(WORDS[1]);
          }
          for (int k = 0, n = 1 + rnd.nextInt(5); k < n; k++) {
            hyp.add(WORDS[1]);
            hyp.add(WORDS[0]);
          }
        }
        default -> {
          randomWords(rnd, ref, rnd.nextInt(20), vocab);
          edit(rnd, ref, hyp, vocab, 0.05 + 0.5 * rnd.nextDouble());
        }
      }
      refs.add(line(ref, id));
      hyps.add(line(hyp, id));
    }
    return new Pairs(refs, hyps);
  }

  private static void randomWords(Random rnd, List<String> out, int n, int vocab) {
    for (int k = 0; k < n; k++) {
      out.add(WORDS[rnd.nextInt(vocab)]);
    }
  }

  private static void repeat(List<String> out, String w, int n) {
    for (int k = 0; k < n; k++) {
      out.add(w);
    }
  }

  private static void edit(Random rnd, List<String> ref, List<String> hyp, int vocab, double errorRate) {
    for (String w : ref) {
      while (rnd.nextDouble() < errorRate / 3) {
        hyp.add(WORDS[rnd.nextInt(vocab)]);
      }
      double u = rnd.nextDouble();
      if (u < errorRate / 3) {
        hyp.add(WORDS[rnd.nextInt(vocab)]);
      } else if (u >= 2 * errorRate / 3) {
        hyp.add(w);
      }
    }
    while (rnd.nextDouble() < errorRate / 3) {
      hyp.add(WORDS[rnd.nextInt(vocab)]);
    }
  }

  private static String line(List<String> words, String id) {
    return (String.join(" ", words) + " (" + id + ")").stripLeading();
  }

  public static void write(Pairs p, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("ref.trn"), p.refLines(), StandardCharsets.UTF_8);
    Files.write(dir.resolve("hyp.trn"), p.hypLines(), StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws IOException {
    write(generate(Integer.parseInt(args[1]), Long.parseLong(args[2])), Path.of(args[0]));
  }
}
