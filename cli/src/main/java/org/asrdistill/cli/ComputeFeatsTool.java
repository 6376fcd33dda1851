package org.asrdistill.cli;

import java.util.List;
import java.util.Locale;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.frontend.input.AudioInput;
import org.asrdistill.frontend.input.AudioOptions;
import org.asrdistill.frontend.features.FeatureExtractor;
import org.asrdistill.frontend.pipeline.OrderedParallel;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.RandomAccessTableReader;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The driver shared by compute-fbank-feats and compute-mfcc-feats (Kaldi's featbin drivers): reads waves,
 * computes features on {@code --num-threads} threads, writes them in input order. Any unreadable wave or a
 * sample-rate mismatch stops the run without committing the output.
 */
abstract class ComputeFeatsTool extends KaldiTool {
  @Mixin
  FrameOptionsMixin frameOpts;

  @Option(names = "--vtln-warp", description = "Vtln warp factor (only applicable if vtln-map not specified). "
      + "Default: ${DEFAULT-VALUE}")
  double vtlnWarp = 1.0;

  @Option(names = "--vtln-map", paramLabel = "<rspecifier>",
      description = "Map from utterance or speaker-id to vtln warp factor (rspecifier)")
  String vtlnMap;

  @Option(names = "--utt2spk", paramLabel = "<rspecifier>",
      description = "Utterance to speaker-id map (if doing VTLN and you have warps per speaker)")
  String utt2spk;

  @Option(names = "--channel", description = "Channel to extract (-1 -> expect mono, 0 -> left, 1 -> right). "
      + "Default: ${DEFAULT-VALUE}")
  int channel = -1;

  @Option(names = "--allow-downsample", arity = "0..1", fallbackValue = "true", description = "If true, audio "
      + "of a higher sample rate than --sample-frequency is resampled down. Default: ${DEFAULT-VALUE}")
  boolean allowDownsample;

  @Option(names = "--allow-upsample", arity = "0..1", fallbackValue = "true", description = "If true, audio "
      + "of a lower sample rate than --sample-frequency is resampled up. Default: ${DEFAULT-VALUE}")
  boolean allowUpsample;

  @Option(names = "--min-duration", description = "Minimum duration of segments to process (in seconds). "
      + "Default: ${DEFAULT-VALUE}")
  double minDuration = 0.0;

  @Option(names = "--subtract-mean", arity = "0..1", fallbackValue = "true",
      description = "Subtract mean of each feature file [CMS]; not recommended to do it this way. "
          + "Default: ${DEFAULT-VALUE}")
  boolean subtractMean;

  @Option(names = "--write-utt2dur", paramLabel = "<wspecifier>",
      description = "Wspecifier to write duration of each utterance in seconds, e.g. 'ark,t:utt2dur'.")
  String utt2durWspecifier;

  @Option(names = "--num-threads", description = "Number of threads (utterances in parallel; output order is "
      + "kept). Default: ${DEFAULT-VALUE}")
  int numThreads = 1;

  @Parameters(index = "0", paramLabel = "<wav-rspecifier>")
  String wavRspecifier;

  @Parameters(index = "1", paramLabel = "<feats-wspecifier>")
  String featsWspecifier;

  /** The configured extractor (validates the tool's options). */
  abstract FeatureExtractor extractor();

  private record Item(String key, WaveData wave, double warp) {
  }

  private record Result(String key, FloatMatrix feats, double duration, String warning) {
  }

  @Override
  protected int run() throws Exception {
    if (utt2spk != null && vtlnMap == null) {
      throw new IllegalArgumentException("the --utt2spk option is only needed if the --vtln-map option is used");
    }
    FeatureExtractor ex = extractor();
    long[] counts = new long[2]; // utterances seen, succeeded
    double[] audio = new double[1];
    try (SequentialTableReader<WaveData> reader = SequentialTableReader.open(wavRspecifier, AudioInput.HOLDER);
         RandomAccessTableReader<Float> warps = vtlnMap == null ? null
             : RandomAccessTableReader.open(vtlnMap, Holders.FLOAT);
         RandomAccessTableReader<List<String>> spk = utt2spk == null ? null
             : RandomAccessTableReader.open(utt2spk, Holders.TOKEN_VECTOR);
         TableWriter<FloatMatrix> writer = TableWriter.open(featsWspecifier, Holders.FLOAT_MATRIX);
         TableWriter<Float> durations = utt2durWspecifier == null ? null
             : TableWriter.open(utt2durWspecifier, Holders.FLOAT);
         Progress progress = new Progress(toolName())) {
      OrderedParallel.run(numThreads, () -> {
        while (reader.next()) {
          counts[0]++;
          String key = reader.key();
          WaveData w = reader.value();
          if (w.duration() < minDuration) {
            warn("File: " + key + " is too short (" + w.duration() + " sec): producing no output.");
            continue;
          }
          double warp = vtlnWarp;
          if (warps != null) {
            String mapKey = spk == null ? key : speaker(spk, key);
            if (mapKey == null || !warps.hasKey(mapKey)) {
              warn("No vtln-map entry for utterance-id (or speaker-id) " + key);
              continue;
            }
            warp = warps.value(mapKey);
          }
          return new Item(key, w, warp);
        }
        return null;
      }, item -> compute(ex, item), r -> {
        if (r.warning() != null) {
          warn(r.warning());
        }
        if (r.feats() == null) {
          return;
        }
        writer.write(r.key(), r.feats());
        if (durations != null) {
          durations.write(r.key(), (float) r.duration());
        }
        counts[1]++;
        audio[0] += r.duration();
        progress.update(counts[1], audio[0]);
      });
      writer.commit();
      if (durations != null) {
        durations.commit();
      }
    }
    log(String.format(Locale.ROOT, "Done %d out of %d utterances (%.1f s of audio).", counts[1], counts[0],
        audio[0]));
    return counts[1] != 0 ? 0 : 1;
  }

  private static String speaker(RandomAccessTableReader<List<String>> spk, String utt) throws java.io.IOException {
    if (!spk.hasKey(utt)) {
      return null;
    }
    List<String> s = spk.value(utt);
    return s.isEmpty() ? null : s.get(0);
  }

  private Result compute(FeatureExtractor ex, Item it) {
    WaveData w = it.wave();
    if (channel >= w.numChannels()) {
      return new Result(it.key(), null, w.duration(), "File with id " + it.key() + " has " + w.numChannels()
          + " channels but you specified channel " + channel + ", producing no output.");
    }
    String[] warning = new String[1];
    AudioOptions audio = new AudioOptions(ex.frameOptions().sampleFrequency(), channel, allowDownsample,
        allowUpsample);
    float[] samples;
    try {
      samples = audio.prepare(w, m -> warning[0] = "File with id " + it.key() + ": " + m);
    } catch (AudioOptions.Mismatch e) {
      throw new IllegalArgumentException("utterance " + it.key() + ": " + e.getMessage());
    }
    FloatMatrix m = ex.compute(samples, audio.sampleFrequency(), it.warp(), it.key().hashCode());
    if (m.rows() == 0) {
      warning[0] = "Utterance " + it.key() + " has " + w.numSamples() + " samples, fewer than one frame ("
          + ex.frameOptions().windowSize() + " samples): writing 0 frames";
    } else if (subtractMean) {
      subtractColumnMeans(m);
    }
    return new Result(it.key(), m, w.duration(), warning[0]);
  }

  private static void subtractColumnMeans(FloatMatrix m) {
    double[] mean = new double[m.cols()];
    float[] d = m.data();
    for (int i = 0; i < d.length; i++) {
      mean[i % m.cols()] += d[i];
    }
    for (int i = 0; i < d.length; i++) {
      d[i] -= (float) (mean[i % m.cols()] / m.rows());
    }
  }
}
