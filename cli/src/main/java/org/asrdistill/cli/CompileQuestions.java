package org.asrdistill.cli;

import java.util.ArrayList;
import java.util.List;
import org.asrdistill.acoustic.tree.IntSetsFile;
import org.asrdistill.acoustic.tree.Questions;
import org.asrdistill.hmm.io.KaldiObjects;
import org.asrdistill.hmm.topology.HmmTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compile-questions",
    header = "Compile phone-set questions (one set per line) into the questions object build-tree reads.",
    customSynopsis = "Usage: compile-questions [options] <topo> <questions-text-file> <questions-out>",
    footer = {"e.g.: compile-questions topo questions.int questions.qst", "See also: cluster-phones, build-tree"})
public final class CompileQuestions extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true", description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;
  @Option(names = "--context-width", description = "Context window size [must match acc-tree-stats]. Default: ${DEFAULT-VALUE}")
  int contextWidth = 3;
  @Option(names = "--central-position", description = "Central position in context window. Default: ${DEFAULT-VALUE}")
  int centralPosition = 1;
  @Option(names = "--num-iters-refine", description = "Number of iters of refining questions at each node. Default: ${DEFAULT-VALUE}")
  int numItersRefine = 0;

  @Parameters(index = "0", paramLabel = "<topo>")
  String topoIn;
  @Parameters(index = "1", paramLabel = "<questions-text-file>")
  String textIn;
  @Parameters(index = "2", paramLabel = "<questions-out>")
  String out;

  @Override
  protected int run() throws Exception {
    HmmTopology topo = KaldiObjects.readFile(topoIn, HmmTopology::read);
    List<int[]> sets = new ArrayList<>();
    for (int[] s : IntSetsFile.read(textIn)) {
      if (s.length > 0) {
        sets.add(s);
      }
    }
    java.util.TreeSet<Integer> covered = new java.util.TreeSet<>();
    sets.forEach(s -> java.util.Arrays.stream(s).forEach(covered::add));
    for (int ph : topo.phones()) {
      if (!covered.contains(ph)) {
        warn("Phone " + ph + " is not covered by any question");
      }
    }
    Questions q = Questions.compile(topo, sets, contextWidth, numItersRefine);
    q.writeFile(out, binary);
    log("Wrote questions (" + q.forKey(0).questions().size() + " phone sets) to " + out);
    return 0;
  }
}
