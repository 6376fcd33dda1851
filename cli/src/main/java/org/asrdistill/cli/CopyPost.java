package org.asrdistill.cli;

import org.asrdistill.kaldiio.matrix.Posterior;
import org.asrdistill.kaldiio.table.Holders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "copy-post",
    header = "Copy posteriors (per-frame lists of (id, weight) pairs), optionally scaling the weights.",
    customSynopsis = {"Usage: copy-post [options] <post-rspecifier> <post-wspecifier>"},
    footer = {"e.g.: copy-post --scale=0.1 ark:- ark,t:post.txt",
        "See also: copy-int-vector, ali-to-post"})
public final class CopyPost extends KaldiTool {
  @Option(names = "--scale", description = "Scale for the posterior weights. Default: ${DEFAULT-VALUE}")
  float scale = 1.0f;

  @Parameters(index = "0", paramLabel = "<post-rspecifier>")
  String in;

  @Parameters(index = "1", paramLabel = "<post-wspecifier>")
  String out;

  @Override
  protected int run() throws Exception {
    long n = TableCopy.copy(in, out, true, Holders.POSTERIOR, this::scaled);
    log("Done copying " + n + " posteriors.");
    return n > 0 ? 0 : 1;
  }

  private Posterior scaled(Posterior p) {
    if (scale == 1.0f) {
      return p;
    }
    int[][] ids = new int[p.numFrames()][];
    float[][] w = new float[p.numFrames()][];
    for (int t = 0; t < ids.length; t++) {
      ids[t] = p.ids(t);
      w[t] = p.weights(t).clone();
      for (int j = 0; j < w[t].length; j++) {
        w[t][j] *= scale;
      }
    }
    return new Posterior(ids, w);
  }
}
