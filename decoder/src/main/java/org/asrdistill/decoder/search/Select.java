package org.asrdistill.decoder.search;

/** Partial selection (the k-th smallest value, as C++'s nth_element), expected O(n). */
final class Select {
  private Select() {
  }

  /**
   * Rearranges a[from, to) so that position from + k holds the value it would hold if sorted, with no larger
   * value before it and no smaller after it, and returns that value. Requires 0 <= k < to - from.
   */
  static double kth(double[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    int target = from + k;
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      // median of three as pivot
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return a[target];
      }
    }
    return a[target];
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
