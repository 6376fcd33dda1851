package org.asrdistill.cli;

import org.asrdistill.acoustic.gmm.FlatStart;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.hmm.tree.ContextDependency;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "align-equal",
    header = "Write equally spaced alignments from phone-id transcripts (align-equal-compiled without graphs).",
    customSynopsis = "Usage: align-equal [options] <tree> <model> <phones-rspecifier> <features-rspecifier> <alignments-wspecifier>",
    footer = {"e.g.: align-equal mono.tree 0.mdl ark:phones.int scp:train.scp ark:equal.ali",
        "See also: gmm-init-mono, gmm-acc-stats-ali"})
public final class AlignEqual extends KaldiTool {
  @Option(names = "--reorder", arity = "0..1", fallbackValue = "true", description = "Self-loops after the forward transition, as Kaldi's default graphs. Default: ${DEFAULT-VALUE}")
  boolean reorder = true;

  @Parameters(index = "0", paramLabel = "<tree>")
  String treeIn;

  @Parameters(index = "1", paramLabel = "<model>")
  String modelIn;

  @Parameters(index = "2", paramLabel = "<phones-rspecifier>")
  String phonesIn;

  @Parameters(index = "3", paramLabel = "<features-rspecifier>")
  String featsIn;

  @Parameters(index = "4", paramLabel = "<alignments-wspecifier>")
  String aliOut;

  @Override
  protected int run() throws Exception {
    ContextDependency tree = ContextDependency.readFile(treeIn);
    TransitionModel tm = TransitionModel.readFile(modelIn);
    int done = 0;
    int noFeat = 0;
    int error = 0;
    try (SequentialTableReader<int[]> phones = SequentialTableReader.open(phonesIn, Holders.INT32_VECTOR);
         RandomAccessTableReader<FloatMatrix> feats = RandomAccessTableReader.open(featsIn, Holders.FLOAT_MATRIX);
         TableWriter<int[]> writer = TableWriter.open(aliOut, Holders.INT32_VECTOR)) {
      while (phones.next()) {
        String key = phones.key();
        if (!feats.hasKey(key)) {
          warn("No features for utterance " + key);
          noFeat++;
          continue;
        }
        int frames = feats.value(key).rows();
        int[] ali;
        try {
          ali = frames == 0 ? null : FlatStart.equalAlign(tm, tree, phones.value(), frames, reorder);
        } catch (IllegalArgumentException e) {
          warn("Could not align utterance " + key + ": " + e.getMessage());
          error++;
          continue;
        }
        if (ali == null) {
          warn("Could not align utterance " + key + ": " + frames + " frames are too few for its "
              + phones.value().length + " phones");
          error++;
          continue;
        }
        writer.write(key, ali);
        done++;
      }
      writer.commit();
    }
    log("Computed " + done + " alignments; " + noFeat + " lacked features, " + error + " had other errors.");
    return done > 0 ? 0 : 1;
  }
}
