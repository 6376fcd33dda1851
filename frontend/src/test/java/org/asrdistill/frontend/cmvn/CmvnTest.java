package org.asrdistill.frontend.cmvn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class CmvnTest {
  private static FloatMatrix m(int rows, int cols, float... v) {
    return new FloatMatrix(rows, cols, v);
  }

  @Test
  void statsAreSumsSquaresAndCount() {
    DoubleMatrix s = Cmvn.newStats(2);
    Cmvn.accumulate(s, m(3, 2, 1, 10, 2, 20, 3, 30));
    assertArrayEquals(new double[] {6, 60, 3, 14, 1400, 0}, s.data(), 0);
  }

  @Test
  void perSpeakerStatsPoolUtterancesAndWeights() {
    DoubleMatrix s = Cmvn.newStats(1);
    Cmvn.accumulate(s, m(2, 1, 1, 3));           // utterance a
    Cmvn.accumulate(s, m(2, 1, 5, 7), new float[] {1f, 0.5f}); // utterance b, weighted
    assertArrayEquals(new double[] {1 + 3 + 5 + 3.5, 3.5, 1 + 9 + 25 + 24.5, 0}, s.data(), 1e-12);
  }

  @Test
  void appliesMeanAndVarianceByHand() {
    FloatMatrix f = m(3, 2, 1, 10, 2, 20, 3, 30);
    DoubleMatrix s = Cmvn.newStats(2);
    Cmvn.accumulate(s, f);
    FloatMatrix means = m(3, 2, f.data().clone());
    Cmvn.apply(s, false, means, null);
    assertArrayEquals(new float[] {-1, -10, 0, 0, 1, 10}, means.data(), 1e-6f);
    // variance of {1,2,3} is 2/3: (x - 2) / sqrt(2/3)
    float k = (float) Math.sqrt(1.5);
    Cmvn.apply(s, true, f, null);
    assertArrayEquals(new float[] {-k, -k, 0, 0, k, k}, f.data(), 1e-5f);
  }

  @Test
  void floorsZeroVarianceWithWarning() {
    FloatMatrix f = m(2, 1, 4, 4);
    DoubleMatrix s = Cmvn.newStats(1);
    Cmvn.accumulate(s, f);
    List<String> warnings = new ArrayList<>();
    Cmvn.apply(s, true, f, warnings::add);
    assertEquals(1, warnings.size());
    assertArrayEquals(new float[] {0, 0}, f.data(), 0);
  }

  @Test
  void rejectsBadStats() {
    assertThrows(IllegalArgumentException.class, () -> Cmvn.apply(Cmvn.newStats(2), false, m(1, 2, 1, 2), null));
    DoubleMatrix s = Cmvn.newStats(3);
    s.set(0, 3, 5);
    assertThrows(IllegalArgumentException.class, () -> Cmvn.apply(s, false, m(1, 2, 1, 2), null));
  }

  @Test
  void slidingWindowMatchesHandComputation() {
    FloatMatrix f = m(5, 1, 1, 2, 3, 4, 10);
    // window 3, not centred, min window 1: frame t uses frames max(0,t-3)..t
    FloatMatrix o = SlidingCmn.apply(new SlidingCmnOptions(3, 1, 5, false, false), f, null);
    float[] want = {0, 2 - 1.5f, 3 - 2, 4 - 2.5f, 10 - (2 + 3 + 4 + 10) / 4f};
    assertArrayEquals(want, o.data(), 1e-6f);
    // centred window of 3: [0,3) for t=0 and 1, [1,4) for 2, [2,5) for 3 and 4
    FloatMatrix c = SlidingCmn.apply(new SlidingCmnOptions(3, 1, 5, false, true), f, null);
    assertArrayEquals(new float[] {1 - 2, 2 - 2, 3 - 3, 4 - 17 / 3f, 10 - 17 / 3f}, c.data(), 1e-5f);
    // default min window 100 > T: every frame uses the whole utterance
    FloatMatrix d = SlidingCmn.apply(SlidingCmnOptions.defaults(), f, null);
    assertArrayEquals(new float[] {-3, -2, -1, 0, 6}, d.data(), 1e-6f);
  }
}
