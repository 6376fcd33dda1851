package org.asrdistill.hmm.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.asrdistill.hmm.io.Bytes;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.junit.jupiter.api.Test;

class ContextDependencyTest {
  private static byte[] write(ContextDependency c, boolean binary) throws IOException {
    return Bytes.write(c, binary, (o, v, b) -> v.write(o, b));
  }

  @Test
  void monophoneTreeAsGmmInitMono() throws IOException {
    ContextDependency c = ContextDependency.monophone(new int[] {1, 2}, new int[] {-1, 3, 3});
    // Kaldi's text form, worked out from ContextDependency::Write / TableEventMap::Write
    assertEquals("ContextDependency 1 0 ToPdf TE 0 3 ( NULL TE -1 3 ( CE 0 CE 1 CE 2 ) \n"
        + "TE -1 3 ( CE 3 CE 4 CE 5 ) \n) \nEndContextDependency ", Bytes.text(write(c, false)));
    assertEquals(6, c.numPdfs());
    assertEquals(4, c.compute(new int[] {2}, 1));
    assertEquals(-1, c.compute(new int[] {2}, 3));
    assertEquals(-1, c.compute(new int[] {3}, 0));
  }

  @Test
  void sharedMonophoneTreeMatchesKaldiOutput() throws IOException {
    // Phone sets and expected text from the test of csukuangfj/kaldi-hmm-gmm
    // (kaldi-hmm-gmm/python/tests/test_context_dep.py), which wraps Kaldi's MonophoneContextDependencyShared.
    int[] numPdfClasses = {-1, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3};
    List<int[]> sets = List.of(new int[] {1}, new int[] {2, 3, 4, 5}, new int[] {6, 7, 8}, new int[] {9},
        new int[] {10});
    ContextDependency c = ContextDependency.monophoneShared(sets, numPdfClasses);
    String expected = "ContextDependency 1 0 ToPdf SE 0 [ 1 2 3 4 5 ]\n"
        + "{ SE 0 [ 1 ]\n"
        + "{ TE -1 5 ( CE 0 CE 1 CE 2 CE 3 CE 4 )\n"
        + "TE -1 3 ( CE 5 CE 6 CE 7 )\n"
        + "}\n"
        + "SE 0 [ 6 7 8 ]\n"
        + "{ TE -1 3 ( CE 8 CE 9 CE 10 )\n"
        + "TE 0 11 ( NULL NULL NULL NULL NULL NULL NULL NULL NULL TE -1 3 ( CE 11 CE 12 CE 13 )\n"
        + "TE -1 3 ( CE 14 CE 15 CE 16 )\n"
        + ")\n"
        + "}\n"
        + "}\n"
        + "EndContextDependency";
    // the reference listing has trailing spaces stripped
    assertEquals(expected, Bytes.text(write(c, false)).replace(" \n", "\n").strip());
    assertEquals(17, c.numPdfs());
    assertEquals(6, c.compute(new int[] {4}, 1));
    assertEquals(15, c.compute(new int[] {10}, 1));
  }

  @Test
  void handWrittenTriphoneTreeIsEvaluated() throws IOException {
    // N=3, P=1. Silence (phone 1) has 1 pdf; phones 2,3 have 2 pdf classes; pdf class 0 of phones 2 and 3
    // is split on the left context being silence.
    String text = "ContextDependency 3 1 ToPdf TE 1 4 ( NULL TE -1 1 ( CE 0 )\n"
        + "SE -1 [ 0 ]\n{ SE 0 [ 0 1 ]\n{ CE 1 CE 2 }\n SE 1 [ 2 ]\n{ CE 3 CE 4 }\n}\n"
        + "SE -1 [ 0 ]\n{ SE 0 [ 0 1 ]\n{ CE 1 CE 5 }\n CE 6 }\n)\nEndContextDependency\n";
    ContextDependency c = Bytes.read(text, ContextDependency::read);
    assertEquals(3, c.contextWidth());
    assertEquals(1, c.centralPosition());
    assertEquals(7, c.numPdfs());
    assertEquals(0, c.compute(new int[] {0, 1, 2}, 0));
    assertEquals(1, c.compute(new int[] {1, 2, 3}, 0));
    assertEquals(1, c.compute(new int[] {0, 3, 2}, 0));
    assertEquals(2, c.compute(new int[] {3, 2, 1}, 0));
    assertEquals(5, c.compute(new int[] {2, 3, 1}, 0));
    assertEquals(3, c.compute(new int[] {2, 2, 1}, 1));
    assertEquals(6, c.compute(new int[] {2, 3, 1}, 1));
    assertEquals(-1, c.compute(new int[] {2, 1, 2}, 1));
    List<int[][]> info = c.pdfInfo(new int[] {1, 2, 3}, new int[] {-1, 1, 2, 2});
    assertArrayEquals(new int[][] {{2, 0}, {3, 0}}, info.get(1));
    assertArrayEquals(new int[][] {{2, 1}}, info.get(3));
    assertArrayEquals(new int[][] {{3, 1}}, info.get(6));
    // round trips
    byte[] bin = write(c, true);
    byte[] txt = write(c, false);
    assertEquals(c, Bytes.read(bin, ContextDependency::read));
    assertEquals(c, Bytes.read(txt, ContextDependency::read));
    assertArrayEquals(bin, write(Bytes.read(txt, ContextDependency::read), true));
    assertArrayEquals(txt, write(Bytes.read(bin, ContextDependency::read), false));
  }

  @Test
  void binaryEncodingUsesKaldiBasicTypes() throws IOException {
    ContextDependency c = ContextDependency.monophone(new int[] {1}, new int[] {-1, 1});
    byte[] b = write(c, true);
    // a single phone set gives just the pdf-class table (GetStubMap's one-set case)
    byte[] expected = concat("\0BContextDependency ", new byte[] {4, 1, 0, 0, 0, 4, 0, 0, 0, 0},
        "ToPdf TE ", new byte[] {4, -1, -1, -1, -1, (byte) 0xFC, 1, 0, 0, 0}, "( CE ", new byte[] {4, 0, 0, 0, 0},
        ") EndContextDependency ");
    assertArrayEquals(expected, b);
  }

  private static byte[] concat(Object... parts) {
    java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] b = p instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1) : (byte[]) p;
      bos.write(b, 0, b.length);
    }
    return bos.toByteArray();
  }

  @Test
  void corruptTreesNameTheOffset() {
    KaldiFormatException e = assertThrows(KaldiFormatException.class,
        () -> Bytes.read("ContextDependency 1 0 ToPdf TE 0 2 ( NULL XE 3 ) EndContextDependency", ContextDependency::read));
    assertTrue(e.getMessage().contains("byte offset 42"), e.getMessage());
    assertThrows(KaldiFormatException.class,
        () -> Bytes.read("ContextDependency 1 0 ToPdf SE 0 [ 2 1 ] { CE 0 CE 1 } EndContextDependency",
            ContextDependency::read));
    assertThrows(KaldiFormatException.class, () -> Bytes.read("ContextDependency 1 0 ToPdf TE 0 2 ( NULL",
        ContextDependency::read));
  }
}
