package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.List;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.hmm.transition.Alignments;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "make-frame-store",
    header = "Write the DNN training frame store: normalised features and pdf targets of every frame, with an "
        + "utterance/speaker index, for memory-mapped shuffled training.",
    customSynopsis = "Usage: make-frame-store [options] <model-in> <features-rspecifier> <alignments-rspecifier> "
        + "<store-out>",
    footer = {"<model-in> (final.mdl or a transition model) maps transition-id alignments to pdfs and gives the pdf",
        "count; the features must already be normalised as the DNN will see them (e.g. apply-cmvn per speaker).",
        "Utterances without an alignment, or whose alignment length differs from the features, are skipped with a",
        "warning naming them.",
        "e.g.: make-frame-store --utt2spk=ark:data/train/utt2spk exp/tri1/final.mdl \\",
        "  'ark:apply-cmvn --utt2spk=ark:data/train/utt2spk scp:data/train/cmvn.scp scp:data/train/feats.scp ark:- |' \\",
        "  'ark:gunzip -c exp/tri1/ali.*.gz |' exp/dnn/train.fst",
        "See also: train-dnn, ali-to-pdf, apply-cmvn"})
public final class MakeFrameStore extends KaldiTool {
  @Option(names = "--utt2spk", description = "Utterance-to-speaker map (speakers are held out for validation); "
      + "without it each utterance is its own speaker")
  String utt2spk;

  @Parameters(index = "0", paramLabel = "<model-in>")
  String model;

  @Parameters(index = "1", paramLabel = "<features-rspecifier>")
  String feats;

  @Parameters(index = "2", paramLabel = "<alignments-rspecifier>")
  String alis;

  @Parameters(index = "3", paramLabel = "<store-out>")
  Path out;

  @Override
  protected int run() throws Exception {
    TransitionModel tm = TransitionModel.readFile(model);
    int done = 0;
    int noAli = 0;
    int mismatch = 0;
    FrameStore.Writer w = null;
    try (SequentialTableReader<FloatMatrix> f = SequentialTableReader.open(feats, Holders.FLOAT_MATRIX);
         RandomAccessTableReader<int[]> a = RandomAccessTableReader.open(alis, Holders.INT32_VECTOR);
         RandomAccessTableReader<List<String>> spk = utt2spk == null ? null
             : RandomAccessTableReader.open(utt2spk, Holders.TOKEN_VECTOR);
         Progress progress = new Progress(toolName())) {
      while (f.next()) {
        String key = f.key();
        if (!a.hasKey(key)) {
          warn("No alignment for utterance " + key + "; skipped");
          noAli++;
          continue;
        }
        FloatMatrix m = f.value();
        int[] ali = a.value(key);
        if (ali.length != m.rows()) {
          warn("Utterance " + key + ": alignment has " + ali.length + " frames, features " + m.rows() + "; skipped");
          mismatch++;
          continue;
        }
        String s = key;
        if (spk != null) {
          if (!spk.hasKey(key) || spk.value(key).size() != 1) {
            warn("Utterance " + key + " has no speaker in " + utt2spk + "; skipped");
            noAli++;
            continue;
          }
          s = spk.value(key).get(0);
        }
        if (w == null) {
          w = new FrameStore.Writer(out, m.cols(), tm.numPdfs());
        }
        w.add(key, s, m, Alignments.toPdfs(tm, ali));
        done++;
        progress.update(done, w.frames() / 100.0);
      }
      if (w == null) {
        throw new IllegalArgumentException("no utterance had both features and a matching alignment");
      }
      w.commit();
      log("Wrote " + out + ": " + done + " utterances, " + w.frames() + " frames; " + noAli
          + " without alignment or speaker, " + mismatch + " with a length mismatch.");
    } finally {
      if (w != null) {
        w.close();
      }
    }
    return 0;
  }
}
