package org.asrdistill.hmm.transition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.hmm.io.Bytes;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.tree.ContextDependency;
import org.junit.jupiter.api.Test;

class TransitionModelTest {
  private static final String TOPO = "<Topology> <TopologyEntry> <ForPhones> 1 2 </ForPhones> "
      + "<State> 0 <PdfClass> 0 <Transition> 0 0.75 <Transition> 1 0.25 </State> "
      + "<State> 1 <PdfClass> 1 <Transition> 1 0.75 <Transition> 2 0.25 </State> <State> 2 </State> "
      + "</TopologyEntry> <TopologyEntry> <ForPhones> 3 </ForPhones> "
      + "<State> 0 <PdfClass> 0 <Transition> 0 0.5 <Transition> 1 0.5 </State> <State> 1 </State> "
      + "</TopologyEntry> </Topology>";

  static TransitionModel small() throws IOException {
    HmmTopology topo = Bytes.read(TOPO, HmmTopology::read);
    ContextDependency tree = ContextDependency.monophone(topo.phones(), topo.phoneToNumPdfClasses());
    return TransitionModel.create(tree, topo);
  }

  @Test
  void createdFromMonophoneTreeAsGmmInitMono() throws IOException {
    TransitionModel tm = small();
    assertEquals(5, tm.numTransitionStates());
    assertEquals(10, tm.numTransitionIds());
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4}, tm.transitionIdToPdfArray());
    assertEquals((float) Math.log(0.75), tm.transitionLogProb(1));
    assertEquals((float) Math.log(0.5), tm.transitionLogProb(10));
    String text = Bytes.text(Bytes.write(tm, false, (o, v, b) -> v.write(o, b)));
    assertTrue(text.contains("<Triples> 5 \n1 0 0 \n1 1 1 \n2 0 2 \n2 1 3 \n3 0 4 \n</Triples> \n"), text);
    assertTrue(text.endsWith("<LogProbs> \n [ 0 -0.2876821 -1.386294 -0.2876821 -1.386294 -0.2876821 -1.386294 "
        + "-0.2876821 -1.386294 -0.6931472 -0.6931472 ]\n</LogProbs> \n</TransitionModel> \n"), text);
  }

  @Test
  void standardLangTopologyCounts() {
    int[] nonsil = {11, 12, 13, 14, 15, 16, 17, 18};
    int[] sil = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    HmmTopology topo = HmmTopology.generate(3, 5, nonsil, sil);
    ContextDependency tree = ContextDependency.monophone(topo.phones(), topo.phoneToNumPdfClasses());
    TransitionModel tm = TransitionModel.create(tree, topo);
    assertEquals(10 * 5 + 8 * 3, tm.numTransitionStates());
    assertEquals(10 * 18 + 8 * 6, tm.numTransitionIds()); // silence: 4+4+4+4+2 transitions, others 2+2+2
    assertEquals(74, tm.numPdfs());
    // the last transition-id is the forward transition of phone 18's last state
    int last = tm.numTransitionIds();
    assertEquals(18, tm.transitionIdToPhone(last));
    assertTrue(tm.isFinal(last));
    assertFalse(tm.isSelfLoop(last));
    assertEquals(73, tm.transitionIdToPdf(last));
    assertEquals(2, tm.transitionIdToPdfClass(last));
  }

  @Test
  void showTransitionsFormat() throws IOException {
    TransitionModel tm = small();
    String s = tm.print(List.of("<eps>", "a", "b", "SIL"), null);
    assertTrue(s.startsWith("Transition-state 1: phone = a hmm-state = 0 pdf = 0\n"
        + " Transition-id = 1 p = 0.75 [self-loop]\n Transition-id = 2 p = 0.25 [0 -> 1]\n"
        + "Transition-state 2: phone = a hmm-state = 1 pdf = 1\n"), s);
    assertTrue(s.endsWith("Transition-state 5: phone = SIL hmm-state = 0 pdf = 4\n"
        + " Transition-id = 9 p = 0.5 [self-loop]\n Transition-id = 10 p = 0.5 [0 -> 1]\n"), s);
  }

  @Test
  void alignmentConversions() throws IOException {
    TransitionModel tm = small();
    int[] ali = {1, 1, 2, 3, 4, 9, 9, 10, 5, 6, 7, 7, 8};
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 4, 4, 4, 2, 2, 3, 3, 3}, Alignments.toPdfs(tm, ali));
    assertArrayEquals(new int[] {1, 3, 2}, Alignments.toPhones(tm, ali, false));
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 3, 3, 3, 2, 2, 2, 2, 2}, Alignments.toPhones(tm, ali, true));
    assertArrayEquals(new int[][] {{1, 5}, {3, 3}, {2, 5}}, Alignments.phoneLengths(tm, ali));
    assertTrue(Alignments.splitToPhones(tm, ali).consistent());
    // reordered alignments (self-loops after the forward transition) split the same way
    int[] reordered = {2, 1, 1, 4, 3, 10, 9, 9, 6, 5, 8, 7, 7};
    assertArrayEquals(new int[][] {{1, 5}, {3, 3}, {2, 5}}, Alignments.phoneLengths(tm, reordered));
    // a truncated alignment is split but flagged
    Alignments.Split cut = Alignments.splitToPhones(tm, new int[] {1, 2, 3});
    assertFalse(cut.consistent());
    assertEquals(1, cut.phones().size());
  }

  @Test
  void binaryAndTextRoundTrip() throws IOException {
    TransitionModel tm = small();
    List<byte[]> forms = new ArrayList<>();
    for (boolean binary : new boolean[] {true, false}) {
      byte[] b = Bytes.write(tm, binary, (o, v, bb) -> v.write(o, bb));
      TransitionModel back = Bytes.read(b, TransitionModel::read);
      if (binary) {
        assertEquals(tm, back); // text keeps 7 digits of the log probabilities, binary is exact
      }
      assertArrayEquals(b, Bytes.write(back, binary, (o, v, bb) -> v.write(o, bb)));
      forms.add(b);
    }
    // text -> binary -> text is byte-exact
    byte[] viaBinary = Bytes.write(Bytes.read(forms.get(1), TransitionModel::read), true, (o, v, bb) -> v.write(o, bb));
    assertArrayEquals(forms.get(1), Bytes.write(Bytes.read(viaBinary, TransitionModel::read), false,
        (o, v, bb) -> v.write(o, bb)));
  }

  @Test
  void showAlignmentsFormat() throws IOException {
    TransitionModel tm = small();
    String[] names = {"<eps>", "a", "b", "SIL"};
    assertEquals("utt1  [ 1 1 2 3 4 ] [ 9 9 10 ] [ 5 6 7 7 8 ] \n"
        + "utt1  a             SIL        b             \n\n",
        Alignments.show(tm, "utt1", new int[] {1, 1, 2, 3, 4, 9, 9, 10, 5, 6, 7, 7, 8}, p -> names[p]));
  }
}
