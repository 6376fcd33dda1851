package org.asrdistill.eval.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class FrameAccuracyTest {
  @Test
  void countsAccuracyConfusionsAndSkips() {
    FrameAccuracy fa = new FrameAccuracy();
    fa.add(new int[] {1, 1, 2, 3, 3}, new int[] {1, 2, 2, 3, 2});
    fa.add(new int[] {1, 3}, new int[] {2, 2});
    assertFalse(fa.add(new int[] {1}, new int[] {1, 1}));
    FrameAccuracy.Result r = fa.result(2);
    assertEquals(7, r.frames());
    assertEquals(3, r.correct());
    assertEquals(3.0 / 7, r.accuracy(), 1e-12);
    assertEquals(2, r.utterances());
    assertEquals(1, r.skipped());
    assertEquals(List.of(new FrameAccuracy.Confusion(1, 2, 2), new FrameAccuracy.Confusion(3, 2, 2)),
        r.topConfusions());
    assertEquals(new FrameAccuracy.ClassAccuracy(1, 3, 1), r.classes().get(0));
  }

  @Test
  void argmaxTakesTheFirstMaximum() {
    FloatMatrix m = new FloatMatrix(3, 3, new float[] {-3f, -1f, -2f, 0.5f, 0.5f, 0.1f, -9f, -8f, 7f});
    assertArrayEquals(new int[] {1, 0, 2}, FrameAccuracy.argmax(m));
  }
}
