package org.asrdistill.acoustic.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.asrdistill.frontend.cmvn.Cmvn;
import org.asrdistill.frontend.splice.DeltaOptions;
import org.asrdistill.frontend.splice.Deltas;
import org.asrdistill.kaldiio.datadir.DataDir;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;

/**
 * The utterances of a Kaldi data directory prepared for GMM training, in memory: features from feats.scp with
 * per-speaker CMVN from cmvn.scp (means, optionally variances) and deltas (Kaldi's train_mono.sh pipeline
 * {@code apply-cmvn --utt2spk ... | add-deltas}), and transcripts as word ids. Utterances that cannot be used
 * (no transcript, empty transcript, words not in words.txt, no CMVN stats, no frames) are skipped with a
 * warning naming them, and counted.
 */
public final class TrainingSet {
  /** One utterance: key, speaker, features (frames x dim) and word ids. */
  public record Utt(String key, String speaker, FloatMatrix feats, int[] words) {
  }

  /** Feature options: CMVN variance normalisation and the delta order (0: none). */
  public record FeatureOptions(boolean normVars, int deltaOrder) {
    public FeatureOptions {
      if (deltaOrder < 0 || deltaOrder > 3) {
        throw new IllegalArgumentException("delta order must be in [0, 3]; got: " + deltaOrder);
      }
    }

    /** Kaldi's train_mono.sh / train_deltas.sh: means only, deltas and delta-deltas. */
    public static FeatureOptions defaults() {
      return new FeatureOptions(false, 2);
    }
  }

  private final List<Utt> utts;
  private final int skipped;
  private final long frames;

  private TrainingSet(List<Utt> utts, int skipped) {
    this.utts = List.copyOf(utts);
    this.skipped = skipped;
    long f = 0;
    for (Utt u : utts) {
      f += u.feats().rows();
    }
    this.frames = f;
  }

  public List<Utt> utts() {
    return utts;
  }

  public int size() {
    return utts.size();
  }

  public int skipped() {
    return skipped;
  }

  public long frames() {
    return frames;
  }

  public int dim() {
    return utts.isEmpty() ? 0 : utts.get(0).feats().cols();
  }

  /** Loads a data dir (feats.scp, cmvn.scp, utt2spk, text) against a lang dir's words.txt. */
  public static TrainingSet load(Path dataDir, LangInfo lang, FeatureOptions opt, Consumer<String> warn)
      throws IOException {
    for (String f : List.of("feats.scp", "cmvn.scp", "utt2spk", "text")) {
      if (!Files.isRegularFile(dataDir.resolve(f))) {
        throw new IOException("data directory " + dataDir + " lacks " + f
            + " (make features with compute-mfcc-feats and compute-cmvn-stats --spk2utt)");
      }
    }
    DataDir dd = DataDir.read(dataDir);
    SortedMap<String, String> utt2spk = dd.utt2spk();
    SortedMap<String, String> text = dd.text();
    Deltas deltas = opt.deltaOrder() > 0 ? new Deltas(new DeltaOptions(opt.deltaOrder(),
        DeltaOptions.defaults().window())) : null;
    List<Utt> out = new ArrayList<>();
    int skipped = 0;
    try (SequentialTableReader<FloatMatrix> feats = SequentialTableReader.open("scp:" + dataDir.resolve(
        "feats.scp"), Holders.FLOAT_MATRIX);
        RandomAccessTableReader<DoubleMatrix> cmvn = RandomAccessTableReader.open("scp:" + dataDir.resolve(
            "cmvn.scp"), Holders.DOUBLE_MATRIX)) {
      while (feats.next()) {
        String key = feats.key();
        String spk = utt2spk.get(key);
        String t = text.get(key);
        if (spk == null || t == null) {
          warn.accept("utterance " + key + " has no " + (spk == null ? "speaker in utt2spk" : "transcript in text")
              + "; skipped");
          skipped++;
          continue;
        }
        String[] ws = t.isBlank() ? new String[0] : t.trim().split("\\s+");
        if (ws.length == 0) {
          warn.accept("utterance " + key + " has an empty transcript; skipped");
          skipped++;
          continue;
        }
        int[] ids = new int[ws.length];
        String unknown = null;
        for (int i = 0; i < ws.length; i++) {
          Integer id = lang.wordIds().get(ws[i]);
          if (id == null) {
            unknown = ws[i];
            break;
          }
          ids[i] = id;
        }
        if (unknown != null) {
          warn.accept("utterance " + key + ": word '" + unknown + "' is not in " + lang.dir().resolve("words.txt")
              + "; skipped");
          skipped++;
          continue;
        }
        if (!cmvn.hasKey(spk)) {
          warn.accept("utterance " + key + ": no CMVN stats for speaker " + spk + "; skipped");
          skipped++;
          continue;
        }
        FloatMatrix f = feats.value();
        if (f.rows() == 0) {
          warn.accept("utterance " + key + " has no frames; skipped");
          skipped++;
          continue;
        }
        f = new FloatMatrix(f.rows(), f.cols(), f.data().clone());
        Cmvn.apply(cmvn.value(spk), opt.normVars(), f, warn);
        if (deltas != null) {
          f = deltas.compute(f);
        }
        out.add(new Utt(key, spk, f, ids));
      }
    }
    if (out.isEmpty()) {
      throw new IOException("no usable utterances in " + dataDir + " (" + skipped + " skipped)");
    }
    return new TrainingSet(out, skipped);
  }
}
