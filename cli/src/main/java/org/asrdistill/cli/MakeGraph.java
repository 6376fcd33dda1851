package org.asrdistill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.asrdistill.decoder.graph.GraphDir;
import org.asrdistill.decoder.graph.Hclg;
import org.asrdistill.fst.ops.Determinize;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "make-graph",
    header = "Builds the decoding graph HCLG.fst from a lang directory (L_disambig.fst, G.fst) and a model, as "
        + "utils/mkgraph.sh.",
    customSynopsis = {"Usage: make-graph [options] <lang-dir> <model-dir> <graph-dir>",
        "   or: make-graph [options] <lang-dir> <model> <tree> <graph-dir>"},
    footer = {"<model-dir> holds final.mdl and tree. The model file may be a transition model or a full .mdl (only",
        "its transition model is read).",
        "e.g.: make-graph --self-loop-scale=0.1 data/lang exp/mono exp/mono/graph",
        "See also: make-lang, arpa2fst, compile-train-graphs"})
public final class MakeGraph extends KaldiTool {
  @Option(names = "--self-loop-scale", description = "Scale on self-loop log-probabilities. Default: ${DEFAULT-VALUE}")
  double selfLoopScale = 0.1;

  @Option(names = "--transition-scale", description = "Scale on other transition log-probabilities. Default: "
      + "${DEFAULT-VALUE}")
  double transitionScale = 1.0;

  @Option(names = "--max-determinize-states", description = "Determinization state budget. Default: ${DEFAULT-VALUE}")
  int maxStates = 50_000_000;

  @Parameters(arity = "3..4", paramLabel = "ARGS")
  List<String> args;

  @Override
  protected int run() throws Exception {
    Path lang = Path.of(args.get(0));
    String mdl;
    String tree;
    if (args.size() == 3) {
      Path dir = Path.of(args.get(1));
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("<model-dir> is not a directory: " + dir);
      }
      mdl = dir.resolve("final.mdl").toString();
      tree = dir.resolve("tree").toString();
    } else {
      mdl = args.get(1);
      tree = args.get(2);
    }
    Path graph = Path.of(args.get(args.size() - 1));
    TransitionModel tm = TransitionModel.readFile(mdl);
    ContextDependency ctx = ContextDependency.readFile(tree);
    Determinize.Options d = Determinize.Options.defaults();
    Hclg.Options opt = new Hclg.Options(transitionScale, selfLoopScale,
        new Determinize.Options(d.delta(), d.maxWork(), maxStates));
    long t0 = System.nanoTime();
    Hclg.Result r = GraphDir.make(lang, ctx, tm, graph, opt);
    log(String.format(java.util.Locale.ROOT, "LG: %d states, %d arcs; CLG: %d states, %d arcs (%d ilabels); "
        + "HCLG: %d states, %d arcs; %.1f s.", r.lg().numStates(), r.lg().totalArcs(), r.clg().numStates(),
        r.clg().totalArcs(), r.ilabelInfo().size(), r.hclg().numStates(), r.hclg().totalArcs(),
        (System.nanoTime() - t0) / 1e9));
    return 0;
  }
}
