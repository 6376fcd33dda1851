package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.Set;
import org.asrdistill.decoder.graph.FstHolder;
import org.asrdistill.decoder.graph.GraphDir;
import org.asrdistill.decoder.graph.Hclg;
import org.asrdistill.decoder.graph.TrainingGraphCompiler;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.io.OpenFstBinary;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compile-train-graphs",
    header = "Creates training graphs (transition-ids to words) for transcriptions, as Kaldi's compile-train-graphs.",
    customSynopsis = "Usage: compile-train-graphs [options] <tree-in> <model-in> <lexicon-fst-in> "
        + "<transcriptions-rspecifier> <graphs-wspecifier>",
    footer = {"Transcriptions are integer word ids (as from sym2int.pl). Graphs are written as a Kaldi FST archive",
        "(key, space, OpenFst binary vector FST), readable by Kaldi; the wspecifier must be binary.",
        "e.g.: compile-train-graphs --read-disambig-syms=data/lang/phones/disambig.int exp/mono/tree exp/mono/0.mdl "
            + "data/lang/L.fst ark:train.tra ark:graphs.fsts",
        "See also: make-graph, align-mapped"})
public final class CompileTrainGraphs extends KaldiTool {
  @Option(names = "--transition-scale", description = "Default: ${DEFAULT-VALUE}")
  double transitionScale = 1.0;

  @Option(names = "--self-loop-scale", description = "Default: ${DEFAULT-VALUE}")
  double selfLoopScale = 1.0;

  @Option(names = "--read-disambig-syms", description = "Phone disambiguation symbols of the lexicon FST "
      + "(phones/disambig.int), needed with L_disambig.fst.")
  String disambigFile;

  @Option(names = "--batch-size", description = "Accepted for compatibility; graphs are compiled one at a time.")
  int batchSize = 250;

  @Parameters(index = "0", paramLabel = "<tree-in>")
  String tree;

  @Parameters(index = "1", paramLabel = "<model-in>")
  String model;

  @Parameters(index = "2", paramLabel = "<lexicon-fst-in>")
  String lexicon;

  @Parameters(index = "3", paramLabel = "<transcriptions-rspecifier>")
  String transcripts;

  @Parameters(index = "4", paramLabel = "<graphs-wspecifier>")
  String graphs;

  @Override
  protected int run() throws Exception {
    ContextDependency ctx = ContextDependency.readFile(tree);
    TransitionModel tm = TransitionModel.readFile(model);
    Fst l = OpenFstBinary.read(Path.of(lexicon));
    Set<Integer> disambig = disambigFile == null ? Set.of()
        : GraphDir.readDisambigFile(Path.of(disambigFile));
    Hclg.Options d = TrainingGraphCompiler.defaultOptions();
    TrainingGraphCompiler compiler = new TrainingGraphCompiler(l, disambig, ctx, tm,
        new Hclg.Options(transitionScale, selfLoopScale, d.determinize()));
    int done = 0;
    int err = 0;
    try (SequentialTableReader<int[]> r = SequentialTableReader.open(transcripts, Holders.INT32_VECTOR);
        TableWriter<Fst> w = TableWriter.open(graphs, FstHolder.INSTANCE)) {
      while (r.next()) {
        Fst g = compiler.compile(r.value());
        if (g.numStates() == 0) {
          warn("Empty decoding graph for utterance " + r.key());
          err++;
          continue;
        }
        w.write(r.key(), g);
        done++;
      }
      w.commit();
    }
    log("compile-train-graphs: succeeded for " + done + " graphs, failed for " + err);
    return done > 0 ? 0 : 1;
  }
}
