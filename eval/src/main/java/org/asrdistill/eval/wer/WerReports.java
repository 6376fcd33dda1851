package org.asrdistill.eval.wer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.asrdistill.eval.align.Alignment;
import org.asrdistill.eval.align.EditOp;

/**
 * Text reports of a {@link WerResult}: Kaldi compute-wer's three summary lines, and sclite-style
 * per-utterance alignments ({@code pra}), per-speaker table ({@code sys}) and error lists ({@code dtl}).
 */
public final class WerReports {
  private WerReports() {
  }

  /**
   * Kaldi compute-wer's output: {@code %WER x.xx [ E / N, I ins, D del, S sub ]} (with {@code [PARTIAL]}
   * when hypotheses were missing), {@code %SER}, and {@code Scored N sentences, M not present in hyp.}
   */
  public static String kaldiSummary(WerResult r) {
    ErrorCounts t = r.total();
    return "%WER " + kaldiPercent(t.errors(), t.refWords()) + " [ " + t.errors() + " / " + t.refWords() + ", "
        + t.insertions() + " ins, " + t.deletions() + " del, " + t.substitutions() + " sub ]"
        + (r.partial() ? " [PARTIAL]" : "") + "\n"
        + "%SER " + kaldiPercent(t.sentenceErrors(), t.sentences()) + " [ " + t.sentenceErrors() + " / "
        + t.sentences() + " ]\n"
        + "Scored " + t.sentences() + " sentences, " + r.absent() + " not present in hyp.\n";
  }

  /**
   * 100 * num / den computed as Kaldi does (a single-precision result) and printed like C++'s
   * {@code std::fixed} with precision 2: the exact binary value rounded half-even, "nan" or "inf".
   */
  public static String kaldiPercent(long num, long den) {
    float v = (float) (100.0 * (float) num / (float) den);
    return fixed2(v);
  }

  /** A value printed like C's {@code %.2f}. */
  public static String fixed2(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** sclite-style per-utterance alignments: id, counts, REF/HYP/Eval lines with errors upper-cased. */
  public static void appendPra(StringBuilder sb, WerResult r) {
    String speaker = null;
    for (UtteranceResult u : r.utterances()) {
      if (!u.speaker().equals(speaker)) {
        speaker = u.speaker();
        sb.append("Speaker: ").append(speaker).append("\n\n");
      }
      appendPra(sb, u);
    }
  }

  /** One utterance in sclite's {@code pra} layout. */
  public static void appendPra(StringBuilder sb, UtteranceResult u) {
    sb.append("id: (").append(u.key()).append(")\n");
    sb.append("Scores: (#C #S #D #I) ").append(u.correct()).append(' ').append(u.substitutions()).append(' ')
        .append(u.deletions()).append(' ').append(u.insertions()).append('\n');
    StringBuilder ref = new StringBuilder("REF:  ");
    StringBuilder hyp = new StringBuilder("HYP:  ");
    StringBuilder eval = new StringBuilder("Eval: ");
    Alignment ali = u.alignment();
    int a = 0;
    int b = 0;
    for (int k = 0; k < ali.length(); k++) {
      EditOp op = ali.op(k);
      String rw = op == EditOp.INSERTION ? "*" : u.ref()[a++];
      String hw = op == EditOp.DELETION ? "*" : u.hyp()[b++];
      String mark = switch (op) {
        case CORRECT -> "";
        case SUBSTITUTION -> "S";
        case DELETION -> "D";
        case INSERTION -> "I";
      };
      if (op != EditOp.CORRECT) {
        rw = rw.toUpperCase(Locale.ROOT);
        hw = hw.toUpperCase(Locale.ROOT);
      }
      int w = Math.max(rw.length(), hw.length());
      pad(ref, rw, w);
      pad(hyp, hw, w);
      pad(eval, mark, w);
    }
    sb.append(ref).append('\n').append(hyp).append('\n').append(eval).append("\n\n");
  }

  private static void pad(StringBuilder sb, String s, int w) {
    sb.append(s);
    for (int i = s.length(); i < w; i++) {
      sb.append(' ');
    }
    sb.append(' ');
  }

  /**
   * The per-speaker table in sclite's layout: sentences, reference words, then Corr, Sub, Del, Ins, Err
   * and S.Err as percentages ({@code percent}) or raw counts, with a Sum row.
   */
  public static String speakerTable(WerResult r, String systemName, boolean percent) {
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<String, ErrorCounts> e : r.speakers().entrySet()) {
      rows.add(row(e.getKey(), e.getValue(), percent));
    }
    int nameWidth = 7;
    for (String spk : r.speakers().keySet()) {
      nameWidth = Math.max(nameWidth, spk.length());
    }
    String head = String.format(Locale.ROOT, "| %-" + nameWidth + "s | # Snt # Wrd | Corr    Sub    Del    Ins"
        + "    Err  S.Err |", "SPKR");
    String rule = "|" + "-".repeat(nameWidth + 2) + "+-------------+" + "-".repeat(head.length() - nameWidth - 19)
        + "|";
    String dbl = "|" + "=".repeat(head.length() - 2) + "|";
    StringBuilder sb = new StringBuilder();
    sb.append(percent ? "SYSTEM SUMMARY PERCENTAGES by SPEAKER" : "SYSTEM SUMMARY COUNTS by SPEAKER")
        .append(" (").append(systemName).append(")\n\n");
    sb.append(head).append('\n').append(rule).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      sb.append(format(rows.get(i), nameWidth)).append('\n');
      sb.append(i == rows.size() - 1 ? dbl : rule).append('\n');
    }
    sb.append(format(row(percent ? "Sum/Avg" : "Sum", r.total(), percent), nameWidth)).append('\n');
    sb.append(dbl).append('\n');
    return sb.toString();
  }

  private static String[] row(String name, ErrorCounts c, boolean percent) {
    long[] v = {c.correct(), c.substitutions(), c.deletions(), c.insertions(), c.errors(), c.sentenceErrors()};
    String[] out = new String[9];
    out[0] = name;
    out[1] = Long.toString(c.sentences());
    out[2] = Long.toString(c.refWords());
    for (int k = 0; k < 6; k++) {
      long den = k == 5 ? c.sentences() : c.refWords();
      out[3 + k] = percent ? (den == 0 ? "0.0" : String.format(Locale.ROOT, "%.1f", 100.0 * v[k] / den))
          : Long.toString(v[k]);
    }
    return out;
  }

  private static String format(String[] r, int nameWidth) {
    return String.format(Locale.ROOT, "| %-" + nameWidth + "s | %4s %6s | %4s %6s %6s %6s %6s %6s |",
        (Object[]) r);
  }

  /** sclite-style error lists: confusion pairs, insertions, deletions, substitutions, falsely recognised. */
  public static String detail(WerResult r) {
    ErrorCounts t = r.total();
    StringBuilder sb = new StringBuilder();
    sb.append("SENTENCE RECOGNITION PERFORMANCE\n\n");
    sb.append(String.format(Locale.ROOT, " sentences %41d%n", t.sentences()));
    sb.append(String.format(Locale.ROOT, " with errors %28s%%   (%4d)%n%n",
        percent1(t.sentenceErrors(), t.sentences()), t.sentenceErrors()));
    sb.append("WORD RECOGNITION PERFORMANCE\n\n");
    line(sb, "Percent Total Error", t.errors(), t.refWords());
    line(sb, "Percent Correct", t.correct(), t.refWords());
    line(sb, "Percent Substitution", t.substitutions(), t.refWords());
    line(sb, "Percent Deletions", t.deletions(), t.refWords());
    line(sb, "Percent Insertions", t.insertions(), t.refWords());
    sb.append(String.format(Locale.ROOT, "%-26s= %6s%%%n%n", "Percent Word Accuracy",
        percent1(t.refWords() - t.errors(), t.refWords())));
    sb.append(String.format(Locale.ROOT, "Ref. words %16s (%4d)%n", "=", t.refWords()));
    sb.append(String.format(Locale.ROOT, "Hyp. words %16s (%4d)%n", "=", t.hypWords()));
    sb.append(String.format(Locale.ROOT, "Aligned words %13s (%4d)%n%n", "=",
        t.correct() + t.substitutions() + t.deletions() + t.insertions()));
    list(sb, "CONFUSION PAIRS", r.confusions());
    list(sb, "INSERTIONS", r.insertions());
    list(sb, "DELETIONS", r.deletions());
    list(sb, "SUBSTITUTIONS", r.substitutions());
    list(sb, "FALSELY RECOGNIZED", r.falselyRecognized());
    return sb.toString();
  }

  private static void line(StringBuilder sb, String label, long n, long den) {
    sb.append(String.format(Locale.ROOT, "%-26s= %6s%%   (%4d)%n%n", label, percent1(n, den), n));
  }

  private static String percent1(long n, long den) {
    return den == 0 ? "0.0" : String.format(Locale.ROOT, "%.1f", 100.0 * n / den);
  }

  /** Entries sorted by count (descending), then by text. */
  public static List<Map.Entry<String, Long>> sorted(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> list = new ArrayList<>(counts.entrySet());
    list.sort((x, y) -> {
      int c = Long.compare(y.getValue(), x.getValue());
      return c != 0 ? c : x.getKey().compareTo(y.getKey());
    });
    return list;
  }

  private static void list(StringBuilder sb, String title, Map<String, Long> counts) {
    long total = 0;
    for (long v : counts.values()) {
      total += v;
    }
    sb.append(String.format(Locale.ROOT, "%-32s Total                 (%d)%n", title, total));
    sb.append(String.format(Locale.ROOT, "%-32s With >=  1 occurrences (%d)%n%n", "", counts.size()));
    int i = 1;
    for (Map.Entry<String, Long> e : sorted(counts)) {
      sb.append(String.format(Locale.ROOT, "%4d: %4d  ->  %s%n", i++, e.getValue(), e.getKey()));
    }
    sb.append(String.format(Locale.ROOT, "     -------%n     %4d%n%n%n", total));
  }
}
