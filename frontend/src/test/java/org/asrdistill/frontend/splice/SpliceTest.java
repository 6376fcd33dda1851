package org.asrdistill.frontend.splice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class SpliceTest {
  /** T x 2 matrix with row t = (t, 100 + t). */
  private static FloatMatrix ramp(int t) {
    float[] d = new float[2 * t];
    for (int i = 0; i < t; i++) {
      d[2 * i] = i;
      d[2 * i + 1] = 100 + i;
    }
    return new FloatMatrix(t, 2, d);
  }

  @Test
  void edgesAreRepeated() {
    SplicedView v = new SplicedView(ramp(4), 2, 1);
    assertEquals(8, v.dim());
    float[] row = new float[8];
    v.copyFrame(0, row, 0);
    assertArrayEquals(new float[] {0, 100, 0, 100, 0, 100, 1, 101}, row);
    v.copyFrame(3, row, 0);
    assertArrayEquals(new float[] {1, 101, 2, 102, 3, 103, 3, 103}, row);
    assertEquals(2f, v.get(3, 2));
  }

  @Test
  void paperContextOnAShortUtterance() {
    SplicedView v = new SplicedView(ramp(3), 20, 5);
    FloatMatrix m = v.toMatrix();
    assertEquals(3, m.rows());
    assertEquals(26 * 2, m.cols());
    // frame 1: offsets -20..5 -> indices clamp(1-20..1+5) = 0 x 20, 1, 2 x 5 (21st block is frame 1 itself)
    for (int j = 0; j < 26; j++) {
      int want = j < 20 ? 0 : j == 20 ? 1 : 2;
      assertEquals(want, m.get(1, 2 * j));
      assertEquals(100 + want, m.get(1, 2 * j + 1));
    }
  }

  @Test
  void batchCopyMatchesMaterialisedMatrix() {
    FloatMatrix src = ramp(30);
    SplicedView v = new SplicedView(src, 20, 5);
    FloatMatrix full = v.toMatrix();
    int[] frames = {29, 0, 13, 7};
    float[] batch = new float[1 + frames.length * v.dim()];
    v.copyFrames(frames, 0, frames.length, batch, 1);
    for (int i = 0; i < frames.length; i++) {
      for (int j = 0; j < v.dim(); j++) {
        assertEquals(full.get(frames[i], j), batch[1 + i * v.dim() + j]);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> v.copyFrames(frames, 0, 4, new float[10], 0));
    assertThrows(IllegalArgumentException.class, () -> v.copyFrame(30, batch, 0));
  }

  @Test
  void deltasMatchHandComputation() {
    Deltas d = new Deltas(new DeltaOptions(2, 2));
    assertArrayEquals(new double[] {-0.2, -0.1, 0, 0.1, 0.2}, d.scales(1), 1e-12);
    // order 2 = order-1 window convolved with itself: coefficients j*k/100 summed over j+k = m
    double[] s2 = d.scales(2);
    assertEquals(9, s2.length);
    assertEquals(4 / 100.0, s2[0], 1e-12);
    assertEquals(-10 / 100.0, s2[4], 1e-12);
    FloatMatrix x = new FloatMatrix(5, 1, new float[] {0, 1, 4, 9, 16});
    FloatMatrix out = d.compute(x);
    assertEquals(3, out.cols());
    // frame 2: delta = (-2*0 - 1*1 + 1*9 + 2*16) / 10 = 4; frame 0 uses clamped frames 0,0,0,1,4
    assertEquals(4f, out.get(2, 1), 1e-6f);
    assertEquals((0.1 * 1 + 0.2 * 4), out.get(0, 1), 1e-6f);
    assertEquals(4f, out.get(2, 0));
  }
}
