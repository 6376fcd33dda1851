package org.asrdistill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.asrdistill.decoder.graph.FstHolder;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.io.OpenFstBinary;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** decode-faster-mapped, latgen-faster-mapped, lattice-best-path, lattice-scale and align-mapped end to end. */
class DecoderToolsTest {
  private static final int[][] LEXICON = {{2, 3}, {4}, {5, 2, 4}};
  private final HmmTopology topo = HmmTopology.generate(3, 5, new int[] {2, 3, 4, 5}, new int[] {1});
  private final ContextDependency ctx = ContextDependency.monophone(new int[] {1, 2, 3, 4, 5},
      new int[] {0, 5, 3, 3, 3, 3});
  private final TransitionModel tm = TransitionModel.create(ctx, topo);

  @TempDir
  Path dir;

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  /** Forward and self-loop transition-ids of state k of a 3-state phone. */
  private int[] tids(int phone, int k) {
    HmmTopology.State st = topo.topologyForPhone(phone).state(k);
    int ts = tm.tupleToTransitionState(phone, k, ctx.compute(new int[] {phone}, st.forwardPdfClass()),
        ctx.compute(new int[] {phone}, st.selfLoopPdfClass()));
    int self = st.destinations()[0] == k ? 0 : 1;
    return new int[] {tm.pairToTransitionId(ts, 1 - self), tm.pairToTransitionId(ts, self)};
  }

  /** Appends the word's phones from state {@code from}; returns the end state. */
  private int addWord(VectorFst f, int from, int word, int to) {
    int cur = from;
    int[] phones = LEXICON[word - 1];
    for (int i = 0; i < phones.length; i++) {
      for (int k = 0; k < 3; k++) {
        int[] t = tids(phones[i], k);
        int next = i == phones.length - 1 && k == 2 && to >= 0 ? to : f.addState();
        f.addArc(cur, t[0], i == 0 && k == 0 ? word : 0, -tm.transitionLogProb(t[0]), next);
        f.addArc(next, t[1], 0, -tm.transitionLogProb(t[1]), next);
        cur = next;
      }
    }
    return cur;
  }

  @Test
  void decodeLatticesAndAlign() throws Exception {
    tm.writeFile(p("final.mdl"), true);
    VectorFst hclg = new VectorFst(Semiring.TROPICAL);
    int root = hclg.addState();
    hclg.setStart(root);
    hclg.setFinal(root, 0f);
    for (int w = 1; w <= LEXICON.length; w++) {
      int mid = hclg.addState();
      hclg.addArc(root, 0, 0, 1.1f, mid);
      addWord(hclg, mid, w, root);
    }
    OpenFstBinary.write(hclg, dir.resolve("HCLG.fst"), "const");
    Map<String, int[]> transcripts = new HashMap<>();
    transcripts.put("utt1", new int[] {1, 2, 3});
    transcripts.put("utt2", new int[] {3, 1});
    Random rnd = new Random(4);
    Map<String, int[]> truth = new HashMap<>();
    try (TableWriter<FloatMatrix> ll = TableWriter.open("ark:" + p("loglikes.ark"), Holders.FLOAT_MATRIX);
         TableWriter<Fst> graphs = TableWriter.open("ark:" + p("graphs.fsts"), FstHolder.INSTANCE)) {
      for (String key : new String[] {"utt1", "utt2"}) {
        VectorFst g = new VectorFst(Semiring.TROPICAL);
        int s = g.addState();
        g.setStart(s);
        List<Integer> ali = new ArrayList<>();
        for (int w : transcripts.get(key)) {
          s = addWord(g, s, w, -1);
          for (int ph : LEXICON[w - 1]) {
            for (int k = 0; k < 3; k++) {
              int[] t = tids(ph, k);
              ali.add(t[0]); // the graph is in Kaldi's reordered layout: forward transition, then self-loops
              for (int d = rnd.nextInt(3); d > 0; d--) {
                ali.add(t[1]);
              }
            }
          }
        }
        g.setFinal(s, 0f);
        graphs.write(key, g);
        int[] a = ali.stream().mapToInt(Integer::intValue).toArray();
        truth.put(key, a);
        FloatMatrix m = new FloatMatrix(a.length, tm.numPdfs());
        for (int t = 0; t < a.length; t++) {
          for (int pdf = 0; pdf < tm.numPdfs(); pdf++) {
            m.set(t, pdf, pdf == tm.transitionIdToPdf(a[t]) ? -1f : -15f - rnd.nextFloat());
          }
        }
        ll.write(key, m);
      }
      ll.commit();
      graphs.commit();
    }
    assertEquals(0, AsrDistill.execute("decode-faster-mapped", "--beam=13", "--max-active=7000",
        "--ctm=" + p("ctm"), p("final.mdl"), p("HCLG.fst"), "ark:" + p("loglikes.ark"), "ark,t:" + p("words.txt"),
        "ark:" + p("ali.ark")));
    assertWords(transcripts, "ark:" + p("words.txt"));
    assertWords(truth, "ark:" + p("ali.ark"));
    String ctm = Files.readString(dir.resolve("ctm"));
    assertTrue(ctm.startsWith("utt1 1 0.00 "), ctm);
    assertEquals(5, ctm.lines().count());

    assertEquals(0, AsrDistill.execute("latgen-faster-mapped", "--num-threads=2", "--beam=13", "--lattice-beam=6",
        p("final.mdl"), p("HCLG.fst"), "ark:" + p("loglikes.ark"), "ark:" + p("lat.ark"), "ark,t:" + p("w2.txt")));
    assertWords(transcripts, "ark:" + p("w2.txt"));
    assertEquals(0, AsrDistill.execute("lattice-best-path", "--acoustic-scale=0.1", "ark:" + p("lat.ark"),
        "ark,t:" + p("w3.txt"), "ark:" + p("ali3.ark")));
    assertWords(transcripts, "ark:" + p("w3.txt"));
    assertWords(truth, "ark:" + p("ali3.ark"));
    assertEquals(0, AsrDistill.execute("lattice-scale", "--inv-acoustic-scale=10", "ark:" + p("lat.ark"),
        "ark,t:" + p("lat.txt")));
    assertEquals(0, AsrDistill.execute("lattice-best-path", "ark:" + p("lat.txt"), "ark,t:" + p("w4.txt")));
    assertWords(transcripts, "ark:" + p("w4.txt"));

    assertEquals(0, AsrDistill.execute("align-mapped", "--beam=10", "--retry-beam=40", p("final.mdl"),
        "ark:" + p("graphs.fsts"), "ark:" + p("loglikes.ark"), "ark:" + p("ali-forced.ark")));
    assertWords(truth, "ark:" + p("ali-forced.ark"));
  }

  private static void assertWords(Map<String, int[]> expect, String rspec) throws Exception {
    int n = 0;
    try (SequentialTableReader<int[]> r = SequentialTableReader.open(rspec, Holders.INT32_VECTOR)) {
      while (r.next()) {
        assertArrayEquals(expect.get(r.key()), r.value(), r.key() + " in " + rspec);
        n++;
      }
    }
    assertEquals(expect.size(), n, rspec);
  }
}
