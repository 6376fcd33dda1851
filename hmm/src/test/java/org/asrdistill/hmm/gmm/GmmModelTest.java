package org.asrdistill.hmm.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asrdistill.hmm.io.Bytes;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GmmModelTest {
  static byte[] handWritten() throws IOException {
    try (InputStream in = GmmModelTest.class.getResourceAsStream("handwritten-final.mdl.txt")) {
      return in.readAllBytes();
    }
  }

  private static byte[] write(GmmModel m, boolean binary) throws IOException {
    return Bytes.write(m, binary, (o, v, b) -> v.write(o, b));
  }

  @Test
  void handWrittenModelIsRead() throws IOException {
    GmmModel m = Bytes.read(handWritten(), GmmModel::read);
    TransitionModel tm = m.transitionModel();
    assertEquals(5, tm.numTransitionStates());
    assertEquals(10, tm.numTransitionIds());
    assertEquals(5, tm.numPdfs());
    assertEquals(3, tm.numPhones());
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4}, tm.transitionIdToPdfArray());
    assertEquals(2, tm.transitionIdToPhone(5));
    assertEquals(1, tm.transitionIdToHmmState(8));
    assertTrue(tm.isSelfLoop(1) && !tm.isSelfLoop(2) && tm.isSelfLoop(9));
    assertTrue(tm.isFinal(4) && !tm.isFinal(2) && tm.isFinal(10));
    assertEquals(9, tm.selfLoopOf(5));
    assertEquals(0.25f, tm.transitionProb(2), 1e-6f);
    assertEquals((float) Math.log(0.25), tm.nonSelfLoopLogProb(1), 1e-6f);
    assertEquals(0f, tm.transitionLogProbIgnoringSelfLoops(2), 1e-6f);
    assertEquals(4, tm.tupleToTransitionState(2, 1, 3, 3));
    assertThrows(IllegalArgumentException.class, () -> tm.tupleToTransitionState(2, 1, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> tm.transitionIdToPdf(11));

    AmDiagGmm am = m.am();
    assertEquals(2, am.dim());
    assertEquals(5, am.numPdfs());
    assertEquals(6, am.numGauss());
    assertArrayEquals(new float[] {-3.724171f, -2.625559f}, am.pdf(2).gconsts(), 1e-5f);
    assertArrayEquals(new float[] {-1.837877f}, am.pdf(3).gconsts(), 1e-6f); // computed, not stored
    // pdf 1 is N(mean (1,-1), var (0.5, 2)); at its mean the density is 1 / (2 pi sqrt(0.5 * 2))
    assertEquals(-Math.log(2 * Math.PI), am.logLikelihood(1, new float[] {1, -1}), 1e-5);
    // pdf 2 mixes N((1,0), I) and N((0,1), I) with weights 0.25, 0.75
    double expected = Math.log(0.25 * Math.exp(-0.5 * 1) + 0.75 * Math.exp(-0.5 * 1)) - Math.log(2 * Math.PI);
    assertEquals(expected, am.logLikelihood(2, new float[] {0, 0}), 1e-5);
  }

  @Test
  void textAndBinaryRoundTripsAreByteExact() throws IOException {
    GmmModel m = Bytes.read(handWritten(), GmmModel::read);
    byte[] text = write(m, false);
    byte[] bin = write(m, true);
    GmmModel fromText = Bytes.read(text, GmmModel::read);
    GmmModel fromBin = Bytes.read(bin, GmmModel::read);
    assertArrayEquals(text, write(fromText, false));
    assertArrayEquals(bin, write(fromBin, true));
    assertArrayEquals(text, write(fromBin, false));
    assertArrayEquals(bin, write(fromText, true));
    String s = Bytes.text(text);
    assertTrue(s.contains("</Topology> \n<Triples> 5 \n1 0 0 \n1 1 1 \n"), s);
    assertTrue(s.contains("<LogProbs> \n [ 0 -0.2876821 -1.386294 "), s);
    assertTrue(s.contains("<DIMENSION> 2 <NUMPDFS> 5 <DiagGMM> \n<GCONSTS>  [ -1.837877 ]\n<WEIGHTS>  [ 1 ]\n"
        + "<MEANS_INVVARS>  [\n  0 0 ]\n<INV_VARS>  [\n  1 1 ]\n</DiagGMM> \n"), s);
    assertTrue(Bytes.text(bin).startsWith("\0B<TransitionModel> <Topology> "));
  }

  @Test
  void fileRoundTripThroughTempNames(@TempDir Path dir) throws IOException {
    GmmModel m = Bytes.read(handWritten(), GmmModel::read);
    Path f = dir.resolve("final.mdl");
    m.writeFile(f.toString(), true);
    byte[] b = Files.readAllBytes(f);
    assertArrayEquals(write(m, true), b);
    assertEquals(m.am(), GmmModel.readFile(f.toString()).am());
    assertEquals(m.transitionModel(), TransitionModel.readFile(f.toString()));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void corruptModelsNameFileAndOffset() throws IOException {
    String s = Bytes.text(handWritten());
    String badDim = s.replace("<DIMENSION> 2", "<DIMENSION> 3");
    KaldiFormatException e = assertThrows(KaldiFormatException.class, () -> Bytes.read(badDim, GmmModel::read));
    assertTrue(e.getMessage().contains("dimension 2 but <DIMENSION> is 3"), e.getMessage());
    String badLp = s.replace(" -0.6931472 ]", " ]");
    e = assertThrows(KaldiFormatException.class, () -> Bytes.read(badLp, GmmModel::read));
    assertTrue(e.getMessage().contains("log probs have dimension 10, expected 11"), e.getMessage());
    String badTuple = s.replace("3 0 4\n", "3 1 4\n");
    e = assertThrows(KaldiFormatException.class, () -> Bytes.read(badTuple, GmmModel::read));
    assertTrue(e.getMessage().contains("invalid tuple (3, 1, 4, 4)"), e.getMessage());
    byte[] bin = write(Bytes.read(handWritten(), GmmModel::read), true);
    byte[] cut = java.util.Arrays.copyOf(bin, bin.length - 7);
    e = assertThrows(KaldiFormatException.class, () -> Bytes.read(cut, GmmModel::read));
    assertTrue(e.getMessage().contains("memory, byte offset"), e.getMessage());
  }
}
