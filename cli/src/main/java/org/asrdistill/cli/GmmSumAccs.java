package org.asrdistill.cli;

import java.util.List;
import org.asrdistill.acoustic.gmm.GmmAccs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gmm-sum-accs",
    header = "Sum multiple accumulated stats files for GMM training.",
    customSynopsis = "Usage: gmm-sum-accs [options] <stats-out> <stats-in1> <stats-in2> ...",
    footer = {"e.g.: gmm-sum-accs 1.acc 1.1.acc 1.2.acc", "See also: gmm-acc-stats-ali, gmm-est"})
public final class GmmSumAccs extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true", description = "Write output in binary mode. Default: ${DEFAULT-VALUE}")
  boolean binary = true;

  @Parameters(index = "0", paramLabel = "<stats-out>")
  String out;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "<stats-in>")
  List<String> in;

  @Override
  protected int run() throws Exception {
    GmmAccs sum = GmmAccs.readFile(in.get(0));
    for (int i = 1; i < in.size(); i++) {
      sum.add(1.0, GmmAccs.readFile(in.get(i)));
    }
    sum.writeFile(out, binary);
    log("Summed " + in.size() + " stats, total count " + sum.totalFrames() + "; written stats to " + out);
    return 0;
  }
}
