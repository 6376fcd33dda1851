package org.asrdistill.acoustic.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.asrdistill.acoustic.tree.PhoneQuestions;
import org.asrdistill.acoustic.tree.Questions;
import org.asrdistill.acoustic.tree.TreeBuilder;
import org.asrdistill.acoustic.tree.TreeModels;
import org.asrdistill.acoustic.tree.TreeStats;
import org.asrdistill.fst.Fst;
import org.asrdistill.hmm.gmm.AmDiagGmm;
import org.asrdistill.hmm.gmm.GmmModel;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;

/**
 * Triphone training as Kaldi's {@code steps/train_deltas.sh}: tree statistics from the previous model's
 * alignments (context-independent phones from phones/context_indep.int), phone questions by clustering
 * (cluster-phones on phones/sets.int) plus phones/extra_questions.int, a tree with up to {@code numLeaves} leaves
 * (roots from phones/roots.int), GMMs initialised from the tree statistics, alignments converted to the new tree,
 * then iterations of EM with realignment, growing to {@code totGauss} Gaussians.
 */
public final class TriTrainer {
  /** train_deltas.sh's options, with its defaults in {@link #defaults()}. */
  public record Options(int numIters, int maxIterInc, String realignIters, double beam, double retryBeam,
      float acousticScale, double transitionScale, double selfLoopScale, double power, double clusterThresh,
      TrainingSet.FeatureOptions features, int threads, long seed) {
    public static Options defaults() {
      return new Options(35, 25, "10 20 30", 10, 40, 0.1f, 1.0, 0.1, 0.25, -1, TrainingSet.FeatureOptions.defaults(),
          1, 0);
    }
  }

  private TriTrainer() {
  }

  public static GmmModel train(int numLeaves, int totGauss, Path dataDir, Path langDir, Path aliDir, Path expDir,
      Options o, Consumer<String> log, Consumer<String> warn) throws IOException {
    if (numLeaves < 1 || totGauss < numLeaves) {
      throw new IllegalArgumentException("need 1 <= num-leaves <= tot-gauss; got: " + numLeaves + ", " + totGauss);
    }
    ExpDir exp = new ExpDir(expDir, log);
    if (exp.has("final.mdl") && exp.has("ali.1.gz") && exp.has("tree")) {
      log.accept("train-tri: " + expDir + " is complete (final.mdl, tree, ali.1.gz); nothing to do");
      return GmmModel.readFile(exp.file("final.mdl").toString());
    }
    long t0 = System.nanoTime();
    LangInfo lang = LangInfo.read(langDir);
    TrainingSet data = TrainingSet.load(dataDir, lang, o.features(), warn);
    exp.log("train.log", String.format(Locale.ROOT, "train-tri: %d utterances (%d skipped), %d frames, dim %d",
        data.size(), data.skipped(), data.frames(), data.dim()));
    if (!exp.has("1.mdl") || !exp.has("tree") || !exp.has("ali.cur.gz")) {
      buildTree(numLeaves, data, lang, aliDir, exp, o, warn);
    }
    ContextDependency tree = ContextDependency.readFile(exp.file("tree").toString());
    GmmModel m1 = GmmModel.readFile(exp.file("1.mdl").toString());
    long tg = System.nanoTime();
    Fst[] graphs = GmmSteps.compileGraphs(data, lang, tree, m1.transitionModel(), o.transitionScale(),
        o.selfLoopScale(), o.threads());
    exp.log("train.log", String.format(Locale.ROOT, "compiled %d training graphs in %.1f s", graphs.length,
        (System.nanoTime() - tg) / 1e9));
    int first = Math.max(1, GmmTrainer.lastModel(exp, o.numIters()));
    int[][] alis = GmmTrainer.currentAlignments(exp, data);
    GmmTrainer.Loop loop = new GmmTrainer.Loop(o.numIters(), o.maxIterInc(), totGauss,
        GmmTrainer.parseIters(o.realignIters()), o.beam(), o.beam(), o.retryBeam(), o.acousticScale(), o.power(), 10,
        o.threads(), o.seed());
    GmmModel fin = GmmTrainer.run(exp, data, graphs, tree, loop, m1.am().numGauss(), first, alis, warn);
    exp.log("train.log", String.format(Locale.ROOT, "train-tri: done, %d pdfs, %d Gaussians, %.1f s",
        fin.am().numPdfs(), fin.am().numGauss(), (System.nanoTime() - t0) / 1e9));
    return fin;
  }

  private static void buildTree(int numLeaves, TrainingSet data, LangInfo lang, Path aliDir, ExpDir exp, Options o,
      Consumer<String> warn) throws IOException {
    long t0 = System.nanoTime();
    GmmModel old = GmmModel.readFile(aliDir.resolve("final.mdl").toString());
    TransitionModel oldTm = old.transitionModel();
    Map<String, int[]> oldAli = ExpDir.readAlignments(aliDir);
    List<TrainingSet.Utt> utts = data.utts();
    int[][] alis = new int[utts.size()][];
    int missing = 0;
    for (int i = 0; i < utts.size(); i++) {
      alis[i] = oldAli.get(utts.get(i).key());
      if (alis[i] != null && alis[i].length != utts.get(i).feats().rows()) {
        warn.accept("utterance " + utts.get(i).key() + ": alignment has " + alis[i].length + " frames, features "
            + utts.get(i).feats().rows() + "; not used");
        alis[i] = null;
      }
      missing += alis[i] == null ? 1 : 0;
    }
    TreeStats.AccOptions accOpt = new TreeStats.AccOptions(0.01, 3, 1, lang.contextIndependent());
    int chunks = o.threads();
    TreeStats[] part = new TreeStats[chunks];
    int[][] finalAlis = alis;
    GmmSteps.parallel(chunks, chunks, c -> {
      TreeStats s = new TreeStats();
      for (int i = c; i < utts.size(); i += chunks) {
        if (finalAlis[i] != null && !s.accumulate(oldTm, accOpt, finalAlis[i], utts.get(i).feats())) {
          warn.accept("utterance " + utts.get(i).key() + ": alignment appears to be bad; not used for the tree");
        }
      }
      part[c] = s;
    });
    TreeStats stats = part[0];
    for (int c = 1; c < chunks; c++) {
      stats.addAll(part[c]);
    }
    stats.writeFile(exp.file("treeacc").toString(), true);
    List<int[]> qs = PhoneQuestions.obtain(stats, lang.sets(), new int[] {1}, 1, warn);
    Questions questions = Questions.compile(lang.topo(), GmmTrainer.concat(qs, lang.extraQuestions()), 3, 0);
    TreeBuilder.Options d = TreeBuilder.Options.defaults();
    TreeBuilder.Result r = TreeBuilder.build(questions, TreeBuilder.readRoots(lang.rootsFile().toString()),
        lang.topo().phoneToNumPdfClasses(), stats, new TreeBuilder.Options(d.thresh(), numLeaves, o.clusterThresh(),
            d.roundNumLeaves(), d.minCount()), 1);
    ContextDependency tree = new ContextDependency(3, 1, r.toPdf());
    TransitionModel tm = TransitionModel.create(tree, lang.topo());
    AmDiagGmm am = TreeModels.initGmms(stats, tree.toPdf(), 0.01, warn);
    int[][] converted = new int[utts.size()][];
    int bad = 0;
    for (int i = 0; i < utts.size(); i++) {
      if (alis[i] != null) {
        converted[i] = AlignmentConversion.convert(oldTm, tm, tree, alis[i]);
        bad += converted[i] == null ? 1 : 0;
      }
    }
    exp.writeAlignments("ali.cur.gz", utts.stream().map(TrainingSet.Utt::key).toList(), converted);
    tree.writeFile(exp.file("tree").toString(), true);
    new GmmModel(tm, am).writeFile(exp.file("1.mdl").toString(), true);
    exp.log("tree.log", String.format(Locale.ROOT, "tree: %d stats, %d questions, %d leaves (%d splits, like-impr %.4f "
        + "per frame over %.0f frames); %d utterances without alignment, %d not convertible; %.1f s", stats.size(),
        qs.size() + lang.extraQuestions().size(), r.numLeaves(), r.numSplits(), r.splitGain() / r.totalCount(),
        r.totalCount(), missing, bad, (System.nanoTime() - t0) / 1e9));
  }
}
