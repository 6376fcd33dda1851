package org.asrdistill.hmm.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.asrdistill.hmm.io.Bytes;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.junit.jupiter.api.Test;

class HmmTopologyTest {
  private static final int[] NONSIL = {11, 12, 13, 14, 15, 16, 17, 18};
  private static final int[] SIL = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  @Test
  void genTopoMatchesGenTopoPl() {
    // Expected text worked out by hand from utils/gen_topo.pl 3 5 11:...:18 1:...:10
    String expected = "<Topology>\n<TopologyEntry>\n<ForPhones>\n11 12 13 14 15 16 17 18\n</ForPhones>\n"
        + "<State> 0 <PdfClass> 0 <Transition> 0 0.75 <Transition> 1 0.25 </State>\n"
        + "<State> 1 <PdfClass> 1 <Transition> 1 0.75 <Transition> 2 0.25 </State>\n"
        + "<State> 2 <PdfClass> 2 <Transition> 2 0.75 <Transition> 3 0.25 </State>\n"
        + "<State> 3 </State>\n</TopologyEntry>\n"
        + "<TopologyEntry>\n<ForPhones>\n1 2 3 4 5 6 7 8 9 10\n</ForPhones>\n"
        + "<State> 0 <PdfClass> 0 <Transition> 0 0.25 <Transition> 1 0.25 <Transition> 2 0.25 "
        + "<Transition> 3 0.25 </State>\n"
        + "<State> 1 <PdfClass> 1 <Transition> 1 0.25 <Transition> 2 0.25 <Transition> 3 0.25 "
        + "<Transition> 4 0.25 </State>\n"
        + "<State> 2 <PdfClass> 2 <Transition> 1 0.25 <Transition> 2 0.25 <Transition> 3 0.25 "
        + "<Transition> 4 0.25 </State>\n"
        + "<State> 3 <PdfClass> 3 <Transition> 1 0.25 <Transition> 2 0.25 <Transition> 3 0.25 "
        + "<Transition> 4 0.25 </State>\n"
        + "<State> 4 <PdfClass> 4 <Transition> 4 0.75 <Transition> 5 0.25 </State>\n"
        + "<State> 5 </State>\n</TopologyEntry>\n</Topology>\n";
    assertEquals(expected, HmmTopology.genTopoText(3, 5, NONSIL, SIL));
    assertTrue(HmmTopology.genTopoText(3, 4, NONSIL, SIL).contains("<Transition> 0 0.333333333333333 "));
  }

  @Test
  void generatedTopologyProperties() {
    HmmTopology t = HmmTopology.generate(3, 5, NONSIL, SIL);
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18}, t.phones());
    assertEquals(3, t.numPdfClasses(11));
    assertEquals(5, t.numPdfClasses(1));
    assertEquals(3, t.minLength(11));
    assertEquals(3, t.minLength(1)); // 0 -> 1 -> 4 -> final
    assertTrue(t.isHmm());
    assertEquals(0.75f, t.topologyForPhone(12).state(0).prob(0));
  }

  @Test
  void textAndBinaryRoundTripsAreByteExact() throws IOException {
    HmmTopology t = HmmTopology.generate(3, 5, NONSIL, SIL);
    byte[] text = Bytes.write(t, false, (o, v, b) -> v.write(o, b));
    byte[] bin = Bytes.write(t, true, (o, v, b) -> v.write(o, b));
    HmmTopology fromText = Bytes.read(text, HmmTopology::read);
    HmmTopology fromBin = Bytes.read(bin, HmmTopology::read);
    assertEquals(t, fromText);
    assertEquals(t, fromBin);
    assertArrayEquals(bin, Bytes.write(fromText, true, (o, v, b) -> v.write(o, b)));
    assertArrayEquals(text, Bytes.write(fromBin, false, (o, v, b) -> v.write(o, b)));
    String s = Bytes.text(text);
    assertTrue(s.startsWith("<Topology> \n<TopologyEntry> \n<ForPhones> \n11 12 13 14 15 16 17 18 \n</ForPhones> \n"
        + "<State> 0 <PdfClass> 0 <Transition> 0 0.75 <Transition> 1 0.25 </State> \n"), s);
    assertTrue(s.endsWith("<State> 5 </State> \n</TopologyEntry> \n</Topology> \n"), s);
    // binary: header, token, int32 vector of 18 phones (size byte 4, count 18)
    assertEquals("\0B<Topology> ", new String(bin, 0, 13, java.nio.charset.StandardCharsets.ISO_8859_1));
    assertEquals(4, bin[13]);
    assertEquals(18, bin[14]);
  }

  @Test
  void separateSelfLoopPdfClassesUseTheExtendedForm() throws IOException {
    String text = "<Topology> <TopologyEntry> <ForPhones> 1 2 </ForPhones> "
        + "<State> 0 <ForwardPdfClass> 0 <SelfLoopPdfClass> 1 <Transition> 0 0.5 <Transition> 1 0.5 </State> "
        + "<State> 1 </State> </TopologyEntry> </Topology>";
    HmmTopology t = Bytes.read(text, HmmTopology::read);
    assertEquals(false, t.isHmm());
    assertEquals(2, t.numPdfClasses(2));
    byte[] bin = Bytes.write(t, true, (o, v, b) -> v.write(o, b));
    assertEquals(t, Bytes.read(bin, HmmTopology::read));
    byte[] txt = Bytes.write(t, false, (o, v, b) -> v.write(o, b));
    assertTrue(Bytes.text(txt).contains("<ForwardPdfClass> 0 <SelfLoopPdfClass> 1 "));
    assertArrayEquals(txt, Bytes.write(Bytes.read(bin, HmmTopology::read), false, (o, v, b) -> v.write(o, b)));
  }

  @Test
  void invalidTopologiesAreRejectedWithOffsets() {
    String lastEmitting = "<Topology> <TopologyEntry> <ForPhones> 1 </ForPhones> "
        + "<State> 0 <PdfClass> 0 <Transition> 0 1.0 </State> </TopologyEntry> </Topology>";
    KaldiFormatException e = assertThrows(KaldiFormatException.class, () -> Bytes.read(lastEmitting, HmmTopology::read));
    assertTrue(e.getMessage().contains("byte offset 0"), e.getMessage());
    String badToken = "<Topology> <TopologyEntry> <ForPhones> 1 </ForPhones> <Stat> 0 </State>";
    e = assertThrows(KaldiFormatException.class, () -> Bytes.read(badToken, HmmTopology::read));
    assertTrue(e.getMessage().contains("<Stat>"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HmmTopology.genTopoText(3, 2, NONSIL, SIL));
  }
}
