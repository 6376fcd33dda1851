package org.asrdistill.hmm.transition;

import java.util.ArrayList;
import java.util.List;

/**
 * Conversions of transition-id alignments (Kaldi's {@code ali-to-pdf}, {@code ali-to-phones} and
 * {@code SplitToPhones} logic). Every method checks that each transition-id is valid for the model.
 */
public final class Alignments {
  private Alignments() {
  }

  /** The pdf id of each frame. */
  public static int[] toPdfs(TransitionModel tm, int[] alignment) {
    int[] out = new int[alignment.length];
    for (int i = 0; i < alignment.length; i++) {
      out[i] = tm.transitionIdToPdf(alignment[i]);
    }
    return out;
  }

  /** The result of {@link #splitToPhones}: one transition-id run per phone instance, and a consistency flag. */
  public record Split(List<int[]> phones, boolean consistent) {
  }

  /**
   * Kaldi's {@code SplitToPhones}: cuts an alignment into one run per phone instance, detecting whether
   * self-loops come before or after the forward transition (reordered). {@code consistent} is false when
   * the alignment does not start or end at phone boundaries.
   */
  public static Split splitToPhones(TransitionModel tm, int[] ali) {
    List<int[]> out = new ArrayList<>();
    if (ali.length == 0) {
      return new Split(out, true);
    }
    boolean reordered = isReordered(tm, ali);
    boolean ok = true;
    List<Integer> ends = new ArrayList<>();
    for (int i = 0; i < ali.length; i++) {
      if (tm.isFinal(ali[i])) {
        if (reordered) {
          while (i + 1 < ali.length && tm.isSelfLoop(ali[i + 1])) {
            if (tm.transitionIdToTransitionState(ali[i]) != tm.transitionIdToTransitionState(ali[i + 1])) {
              ok = false;
            }
            i++;
          }
        }
        ends.add(i + 1);
      } else if (i + 1 == ali.length) {
        ok = false;
        ends.add(i + 1);
      } else {
        int s1 = tm.transitionIdToTransitionState(ali[i]);
        int s2 = tm.transitionIdToTransitionState(ali[i + 1]);
        if (s1 != s2 && tm.transitionStateToPhone(s1) != tm.transitionStateToPhone(s2)) {
          ok = false;
          ends.add(i + 1);
        }
      }
    }
    int cur = 0;
    for (int end : ends) {
      int ts = tm.transitionIdToTransitionState(ali[cur]);
      int ph = tm.transitionStateToPhone(ts);
      if (tm.topology().topologyForPhone(ph).state(0).forwardPdfClass() != -1
          && tm.transitionStateToHmmState(ts) != 0) {
        ok = false;
      }
      out.add(java.util.Arrays.copyOfRange(ali, cur, end));
      cur = end;
    }
    return new Split(out, ok);
  }

  private static boolean isReordered(TransitionModel tm, int[] ali) {
    for (int i = 0; i + 1 < ali.length; i++) {
      int s1 = tm.transitionIdToTransitionState(ali[i]);
      int s2 = tm.transitionIdToTransitionState(ali[i + 1]);
      if (s1 != s2) {
        boolean loop1 = tm.isSelfLoop(ali[i]);
        boolean loop2 = tm.isSelfLoop(ali[i + 1]);
        if (loop1 && loop2) {
          throw new IllegalArgumentException("invalid alignment: self-loops of different states are adjacent "
              + "at frame " + i);
        }
        if (loop1) {
          return true;
        }
        if (loop2) {
          return false;
        }
      }
    }
    return ali.length > 0 && !tm.isSelfLoop(ali[0]) && tm.isSelfLoop(ali[ali.length - 1]);
  }

  /** The phone sequence ({@code perFrame} false) or the phone of each frame ({@code perFrame} true). */
  public static int[] toPhones(TransitionModel tm, int[] ali, boolean perFrame) {
    List<int[]> split = splitToPhones(tm, ali).phones();
    int[] out = new int[perFrame ? ali.length : split.size()];
    int k = 0;
    for (int[] run : split) {
      int ph = tm.transitionIdToPhone(run[0]);
      if (perFrame) {
        java.util.Arrays.fill(out, k, k + run.length, ph);
        k += run.length;
      } else {
        out[k++] = ph;
      }
    }
    return out;
  }

  /** (phone, number of frames) per phone instance, as {@code ali-to-phones --write-lengths}. */
  public static int[][] phoneLengths(TransitionModel tm, int[] ali) {
    List<int[]> split = splitToPhones(tm, ali).phones();
    int[][] out = new int[split.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new int[] {tm.transitionIdToPhone(split.get(i)[0]), split.get(i).length};
    }
    return out;
  }

  /**
   * The three lines {@code show-alignments} prints for one utterance: the transition-ids of each phone in
   * brackets, the phone names padded to the same widths, and an empty line.
   */
  public static String show(TransitionModel tm, String key, int[] ali, java.util.function.IntFunction<String> phoneName) {
    List<int[]> split = splitToPhones(tm, ali).phones();
    StringBuilder ids = new StringBuilder(key).append("  ");
    StringBuilder names = new StringBuilder(key).append("  ");
    for (int[] run : split) {
      StringBuilder a = new StringBuilder("[ ");
      for (int t : run) {
        a.append(t).append(' ');
      }
      a.append("] ");
      StringBuilder b = new StringBuilder(phoneName.apply(tm.transitionIdToPhone(run[0]))).append(' ');
      int len = Math.abs(a.length() - b.length());
      (a.length() < b.length() ? a : b).append(" ".repeat(len));
      ids.append(a);
      names.append(b);
    }
    return ids.append('\n').append(names).append("\n\n").toString();
  }
}
