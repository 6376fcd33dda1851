package org.asrdistill.decoder.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.ops.Compose;
import org.asrdistill.hmm.topology.HmmTopology;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingGraphCompilerTest {
  @TempDir
  Path tmp;

  @Test
  void graphsAcceptOnlyTheTranscriptAndRoundTripThroughAnArchive() throws Exception {
    Path lex = tmp.resolve("lexicon.txt");
    Files.writeString(lex, "a A\nab A B\nred R EH D\nread R EH D\nb B\n", StandardCharsets.UTF_8);
    LangDir.Result lang = LangDir.write(LangDir.Dict.read(lex, List.of("SIL")), "<UNK>", tmp.resolve("lang"),
        LangDir.Options.defaults());
    HmmTopology topo = lang.phones().topology(3, 5);
    ContextDependency ctx = ContextDependency.monophone(topo.phones(), topo.phoneToNumPdfClasses());
    TransitionModel tm = TransitionModel.create(ctx, topo);
    Set<Integer> disambig = new HashSet<>();
    lang.phones().disambig().forEach(d -> disambig.add(lang.phones().id(d)));
    TrainingGraphCompiler c = new TrainingGraphCompiler(lang.lexiconDisambigFst(), disambig, ctx, tm,
        TrainingGraphCompiler.defaultOptions());
    List<String> words = lang.words();
    int[] t1 = {words.indexOf("red"), words.indexOf("ab"), words.indexOf("read")};
    int[] t2 = {words.indexOf("b")};
    String ark = tmp.resolve("graphs.fsts").toString();
    try (TableWriter<Fst> w = TableWriter.open("ark:" + ark, FstHolder.INSTANCE)) {
      w.write("utt1", c.compile(t1));
      w.write("utt2", c.compile(t2));
      w.commit();
    }
    List<String> keys = new ArrayList<>();
    List<Fst> graphs = new ArrayList<>();
    try (SequentialTableReader<Fst> r = SequentialTableReader.open("ark:" + ark, FstHolder.INSTANCE)) {
      while (r.next()) {
        keys.add(r.key());
        graphs.add(r.value());
      }
    }
    assertEquals(List.of("utt1", "utt2"), keys);
    int[][] transcripts = {t1, t2};
    Random rnd = new Random(7);
    for (int u = 0; u < 2; u++) {
      Fst g = graphs.get(u);
      List<Integer> want = new ArrayList<>();
      for (int x : transcripts[u]) {
        want.add(x);
      }
      for (int trial = 0; trial < 30; trial++) {
        List<Integer> in = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        if (HclgTest.randomPath(g, rnd, in, out)) {
          assertEquals(want, out);
          in.forEach(t -> assertTrue(t >= 1 && t <= tm.numTransitionIds()));
        }
      }
      assertTrue(HclgTest.nonEmpty(Compose.compose(g, HclgTest.linear(want), Compose.Options.defaults())));
    }
    assertFalse(HclgTest.nonEmpty(Compose.compose(graphs.get(1), HclgTest.linear(List.of(t1[0])),
        Compose.Options.defaults())));
  }
}
