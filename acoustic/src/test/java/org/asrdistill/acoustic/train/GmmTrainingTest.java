package org.asrdistill.acoustic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asrdistill.decoder.graph.GrammarFst;
import org.asrdistill.decoder.graph.GraphDir;
import org.asrdistill.decoder.graph.Hclg;
import org.asrdistill.decoder.search.BeamDecoder;
import org.asrdistill.decoder.search.DecodeResult;
import org.asrdistill.decoder.search.DecoderOptions;
import org.asrdistill.decoder.search.DecodingGraph;
import org.asrdistill.fst.io.OpenFstBinary;
import org.asrdistill.hmm.gmm.DecodableAmDiagGmmScaled;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.gmm.GmmScorer;
import org.asrdistill.hmm.phones.SymbolTableText;
import org.asrdistill.hmm.tree.ContextDependency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end monophone and triphone training on {@link SyntheticCorpus}, decoding, and resumption. */
class GmmTrainingTest {
  @TempDir
  static Path root;
  static Map<String, String> text;
  static final List<String> warnings = new ArrayList<>();

  static MonoTrainer.Options mono() {
    MonoTrainer.Options d = MonoTrainer.Options.defaults();
    return new MonoTrainer.Options(8, 6, 60, "1 2 3 5 7", d.initialBeam(), d.beam(), d.retryBeam(),
        d.acousticScale(), d.transitionScale(), d.selfLoopScale(), d.power(), d.features(), 2, 0);
  }

  @BeforeAll
  static void corpus() throws Exception {
    text = SyntheticCorpus.make(root, 90, 7);
  }

  private static double wer(Path exp) throws Exception {
    Path lang = root.resolve("data/lang");
    List<String> words = SymbolTableText.readById(lang.resolve("words.txt").toString());
    int[] ids = java.util.Arrays.stream(SyntheticCorpus.WORDS).mapToInt(words::indexOf).toArray();
    Path graphLang = Files.createTempDirectory(root, "langG");
    for (String f : List.of("L_disambig.fst", "words.txt", "phones.txt")) {
      Files.copy(lang.resolve(f), graphLang.resolve(f));
    }
    Files.createDirectories(graphLang.resolve("phones"));
    Files.copy(lang.resolve("phones/disambig.int"), graphLang.resolve("phones/disambig.int"));
    OpenFstBinary.write(GrammarFst.wordLoop(ids, null), graphLang.resolve("G.fst"), "vector");
    GmmModel m = GmmModel.readFile(exp.resolve("final.mdl").toString());
    ContextDependency tree = ContextDependency.readFile(exp.resolve("tree").toString());
    Hclg.Result g = GraphDir.make(graphLang, tree, m.transitionModel(), exp.resolve("graph"), Hclg.Options.defaults());
    BeamDecoder dec = new BeamDecoder(DecodingGraph.of(g.hclg()), DecoderOptions.defaults().withBeam(13));
    TrainingSet data = TrainingSet.load(root.resolve("data/train"), LangInfo.read(lang),
        TrainingSet.FeatureOptions.defaults(), warnings::add);
    GmmScorer scorer = new GmmScorer(m.am());
    int errors = 0;
    int total = 0;
    for (TrainingSet.Utt u : data.utts()) {
      DecodeResult r = dec.decode(new DecodableAmDiagGmmScaled(scorer, m.transitionModel(), u.feats(), 0.1f));
      int[] ref = u.words();
      total += ref.length;
      if (!java.util.Arrays.equals(ref, r.words())) {
        errors += Math.max(ref.length, r.words().length);
      }
    }
    return errors / (double) total;
  }

  @Test
  void monophoneAndTriphoneTrainingRecogniseTheCorpus() throws Exception {
    Path lang = root.resolve("data/lang");
    Path data = root.resolve("data/train");
    GmmModel mono = MonoTrainer.train(data, lang, root.resolve("exp/mono"), mono(), s -> { }, warnings::add);
    assertTrue(Files.isRegularFile(root.resolve("exp/mono/ali.1.gz")));
    assertEquals(90, ExpDir.readAlignments(root.resolve("exp/mono")).size());
    assertTrue(mono.am().numGauss() > mono.am().numPdfs());
    double monoWer = wer(root.resolve("exp/mono"));
    assertTrue(monoWer <= 0.05, "mono error rate " + monoWer);
    TriTrainer.Options d = TriTrainer.Options.defaults();
    TriTrainer.Options o = new TriTrainer.Options(6, 4, "2 4", d.beam(), d.retryBeam(), d.acousticScale(),
        d.transitionScale(), d.selfLoopScale(), d.power(), d.clusterThresh(), d.features(), 2, 0);
    GmmModel tri = TriTrainer.train(40, 120, data, lang, root.resolve("exp/mono"), root.resolve("exp/tri"), o, s -> { },
        warnings::add);
    assertTrue(tri.am().numPdfs() > mono.am().numPdfs() + 4, "tree should split: " + tri.am().numPdfs());
    double triWer = wer(root.resolve("exp/tri"));
    assertTrue(triWer <= 0.05, "tri error rate " + triWer);
  }

  @Test
  void anInterruptedRunResumesToTheSameModel() throws Exception {
    Path lang = root.resolve("data/lang");
    Path data = root.resolve("data/train");
    Path full = root.resolve("exp/full");
    MonoTrainer.train(data, lang, full, mono(), s -> { }, warnings::add);
    // a run killed after writing 4.mdl: the same schedule stopped at 4 iterations, without its final files
    Path cut = root.resolve("exp/cut");
    MonoTrainer.Options o = mono();
    MonoTrainer.train(data, lang, cut, new MonoTrainer.Options(4, o.maxIterInc(), o.totGauss(), o.realignIters(),
        o.initialBeam(), o.beam(), o.retryBeam(), o.acousticScale(), o.transitionScale(), o.selfLoopScale(), o.power(),
        o.features(), o.threads(), o.seed()), s -> { }, warnings::add);
    Files.delete(cut.resolve("final.mdl"));
    Files.delete(cut.resolve("ali.1.gz"));
    List<String> log = new ArrayList<>();
    MonoTrainer.train(data, lang, cut, mono(), log::add, warnings::add);
    assertTrue(log.stream().anyMatch(l -> l.contains("resuming at iteration 4")), String.join("\n", log));
    assertArrayEquals(Files.readAllBytes(full.resolve("final.mdl")), Files.readAllBytes(cut.resolve("final.mdl")));
  }

  @Test
  void utterancesWithUnknownOrNoWordsAreSkippedByName(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("train");
    Files.createDirectories(data);
    Path src = root.resolve("data/train");
    for (String f : List.of("feats.scp", "cmvn.scp", "utt2spk", "spk2utt")) {
      Files.copy(src.resolve(f), data.resolve(f));
    }
    List<String> text = new ArrayList<>(Files.readAllLines(src.resolve("text")));
    String bad = text.get(3).split(" ")[0];
    String empty = text.get(5).split(" ")[0];
    text.set(3, bad + " ab zzz");
    text.set(5, empty);
    Files.write(data.resolve("text"), text);
    List<String> warns = new ArrayList<>();
    TrainingSet t = TrainingSet.load(data, LangInfo.read(root.resolve("data/lang")),
        TrainingSet.FeatureOptions.defaults(), warns::add);
    assertEquals(88, t.size());
    assertEquals(2, t.skipped());
    assertTrue(warns.stream().anyMatch(w -> w.contains(bad) && w.contains("zzz")), warns.toString());
    assertTrue(warns.stream().anyMatch(w -> w.contains(empty) && w.contains("empty transcript")), warns.toString());
  }
}
