package org.asrdistill.hmm.decodable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.asrdistill.hmm.io.Bytes;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.junit.jupiter.api.Test;

class DecodableTest {
  private static final FloatMatrix LIKES = new FloatMatrix(2, 5,
      new float[] {-1, -2, -3, -4, -5, -10, -20, -30, -40, -50});

  @Test
  void matrixScaledIndexesPdfPlusOne() {
    Decodable d = new DecodableMatrixScaled(LIKES, 0.5f);
    assertEquals(5, d.numIndices());
    assertEquals(2, d.numFramesReady());
    assertEquals(-0.5f, d.logLikelihood(0, 1));
    assertEquals(-25f, d.logLikelihood(1, 5));
    assertFalse(d.isLastFrame(0));
    assertTrue(d.isLastFrame(1));
    assertThrows(IllegalArgumentException.class, () -> d.logLikelihood(0, 0));
    assertThrows(IllegalArgumentException.class, () -> d.logLikelihood(2, 1));
  }

  @Test
  void mappedIndexesTransitionIds() throws IOException {
    HmmTopology topo = Bytes.read("<Topology> <TopologyEntry> <ForPhones> 1 2 </ForPhones> "
        + "<State> 0 <PdfClass> 0 <Transition> 0 0.75 <Transition> 1 0.25 </State> "
        + "<State> 1 <PdfClass> 1 <Transition> 1 0.75 <Transition> 2 0.25 </State> <State> 2 </State> "
        + "</TopologyEntry> <TopologyEntry> <ForPhones> 3 </ForPhones> "
        + "<State> 0 <PdfClass> 0 <Transition> 0 0.5 <Transition> 1 0.5 </State> <State> 1 </State> "
        + "</TopologyEntry> </Topology>", HmmTopology::read);
    TransitionModel tm = TransitionModel.create(ContextDependency.monophone(topo.phones(),
        topo.phoneToNumPdfClasses()), topo);
    Decodable d = new DecodableMatrixScaledMapped(tm, LIKES, 0.1f);
    assertEquals(10, d.numIndices());
    assertEquals(0.1f * -50, d.logLikelihood(1, 10)); // transition-id 10 -> pdf 4
    assertEquals(0.1f * -3, d.logLikelihood(0, 6)); // transition-id 6 -> pdf 2
    assertThrows(IllegalArgumentException.class, () -> d.logLikelihood(0, 11));
    assertThrows(IllegalArgumentException.class,
        () -> new DecodableMatrixScaledMapped(tm, new FloatMatrix(2, 4), 1f));
  }
}
