package org.asrdistill.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.asrdistill.acoustic.dnn.ModelDir;
import org.asrdistill.decoder.search.BeamDecoder;
import org.asrdistill.decoder.search.DecodeResult;
import org.asrdistill.decoder.search.DecoderOptions;
import org.asrdistill.decoder.search.DecodingGraph;
import org.asrdistill.distill.ensemble.Ensemble;
import org.asrdistill.eval.report.ResultRecord;
import org.asrdistill.eval.report.Results;
import org.asrdistill.fst.SymbolTable;
import org.asrdistill.frontend.cmvn.Cmvn;
import org.asrdistill.frontend.features.FbankOptions;
import org.asrdistill.frontend.features.FeatureExtractor;
import org.asrdistill.frontend.features.MelBanksOptions;
import org.asrdistill.frontend.input.AudioInput;
import org.asrdistill.frontend.input.AudioOptions;
import org.asrdistill.hmm.decodable.DecodableMatrixScaledMapped;
import org.asrdistill.hmm.transition.TransitionModel;
import org.asrdistill.kaldiio.matrix.DoubleMatrix;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.wav.WaveData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "decode",
    header = "Recognise audio with a DNN model: features -> DNN -> HCLG beam search -> words; writes text, CTM and "
        + "JSON and prints the real-time factor.",
    customSynopsis = "Usage: decode [options] <graph-dir> <model-dir>[,<model-dir>...] <data-dir|audio-list> "
        + "<decode-dir>",
    footer = {"<graph-dir> holds HCLG.fst and words.txt (make-graph); <model-dir> is from train-dnn (final.zip,",
        "model.json, trans.mdl); several, comma-separated, decode as an ensemble (--combine). A data dir needs",
        "wav.scp (and utt2spk for per-speaker CMVN); an audio list is a file",
        "with one audio path per line (WAV, FLAC, Ogg), each its own speaker, keyed by its file name.",
        "Writes <decode-dir>/text, ctm, words.int and results.json.",
        "e.g.: decode --num-threads=2 exp/tri1/graph exp/dnn data/test exp/dnn/decode_test",
        "See also: nnet-forward, decode-faster-mapped, compute-wer"})
public final class Decode extends KaldiTool {
  @Option(names = "--beam", description = "Decoding beam. Default: ${DEFAULT-VALUE}")
  double beam = 13;

  @Option(names = "--max-active", description = "Max active tokens. Default: ${DEFAULT-VALUE}")
  int maxActive = 7000;

  @Option(names = "--acoustic-scale", description = "Scaling factor for acoustic likelihoods. Default: ${DEFAULT-VALUE}")
  float acousticScale = 0.1f;

  @Option(names = "--prior-scale", description = "Scale of the log priors subtracted. Default: ${DEFAULT-VALUE}")
  float priorScale = 1.0f;

  @Option(names = "--num-threads", description = "Utterances decoded in parallel. Default: ${DEFAULT-VALUE}")
  int numThreads = 1;

  @Option(names = "--combine", description = "With several model dirs (comma-separated): arithmetic or geometric "
      + "mean of their posteriors. Default: ${DEFAULT-VALUE}")
  String combine = "arithmetic";

  @Mixin
  ResultOptions result = new ResultOptions();

  @Parameters(index = "0", paramLabel = "<graph-dir>")
  Path graphDir;

  @Parameters(index = "1", paramLabel = "<model-dir>[,<model-dir>...]")
  String modelDirs;

  private Path modelDir;

  @Parameters(index = "2", paramLabel = "<data-dir|audio-list>")
  Path input;

  @Parameters(index = "3", paramLabel = "<decode-dir>")
  Path out;

  private record Utt(String key, String speaker, FloatMatrix feats, double seconds) {
  }

  @Override
  protected int run() throws Exception {
    List<Path> dirs = new ArrayList<>();
    for (String d : modelDirs.split(",")) {
      dirs.add(Path.of(d));
    }
    modelDir = dirs.get(0);
    Ensemble ens = Ensemble.read(dirs, Ensemble.Combination.valueOf(combine.toUpperCase(Locale.ROOT)), 512);
    ModelDir model = ens.members().get(0);
    Path tmFile = modelDir.resolve("trans.mdl");
    if (!Files.isRegularFile(tmFile)) {
      throw new IllegalArgumentException(modelDir + " has no trans.mdl (train-dnn --trans-model=...)");
    }
    TransitionModel tm = TransitionModel.readFile(tmFile.toString());
    long tf = System.nanoTime();
    List<Utt> utts = features(model);
    double featSecs = (System.nanoTime() - tf) / 1e9;
    DecodingGraph graph = DecodingGraph.of(FstFiles.read(graphDir.resolve("HCLG.fst").toString()));
    DecoderOptions opt = DecoderOptions.defaults().withBeam(beam).withMaxActive(maxActive);
    ThreadLocal<BeamDecoder> decoders = ThreadLocal.withInitial(() -> new BeamDecoder(graph, opt));
    Files.createDirectories(out);
    double audio = utts.stream().mapToDouble(Utt::seconds).sum();
    long[] nnNanos = {0};
    Map<String, DecodeResult> results = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    try (DecodeOutput dout = new DecodeOutput(this, "ark,t:" + out.resolve("words.int"), null, null,
        out.resolve("ctm").toString(), graphDir.resolve("words.txt"));
         OrderedParallel<DecodeOutput.Utterance> par = new OrderedParallel<>(numThreads, u -> {
           dout.accept(u);
           results.put(u.key(), u.best());
         })) {
      for (Utt u : utts) {
        long n0 = System.nanoTime();
        FloatMatrix ll = ens.logLikelihoods(u.feats(), priorScale);
        nnNanos[0] += System.nanoTime() - n0;
        par.submit(() -> {
          long s0 = System.nanoTime();
          DecodeResult r = decoders.get().decode(new DecodableMatrixScaledMapped(tm, ll, acousticScale));
          return new DecodeOutput.Utterance(u.key(), ll.rows(), r, null, System.nanoTime() - s0);
        });
      }
      par.finish();
      dout.commit();
      dout.summary((System.nanoTime() - t0) / 1e9);
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    writeTextAndJson(utts, results, SymbolTable.readText(graphDir.resolve("words.txt")), audio, featSecs, wall,
        nnNanos[0] / 1e9);
    log(String.format(Locale.ROOT, "%d utterances, %.1f s of audio: features %.1f s, network %.1f s, search+network "
        + "wall %.1f s; real-time factor %.4f (excluding feature extraction), %.4f overall", utts.size(), audio,
        featSecs, nnNanos[0] / 1e9, wall, wall / Math.max(1e-9, audio), (wall + featSecs) / Math.max(1e-9, audio)));
    if (result.file != null) {
      long frames = utts.stream().mapToLong(u -> u.feats().rows()).sum();
      Results.write(result.file, ResultRecord.builder("decoding", result.system).experiment(result.experiment)
          .dataset(result.dataset).model(NnetFrameAccuracy.describe(ens.members()))
          .timings(new ResultRecord.Timings(wall, frames, frames / Math.max(1e-9, wall), audio,
              wall / Math.max(1e-9, audio)))
          .provenance(Results.provenance(toolName(), commandLineText(), null)).build());
    }
    return results.values().stream().anyMatch(r -> r != null) ? 0 : 1;
  }

  private List<Utt> features(ModelDir model) throws Exception {
    Map<String, String> wav = new LinkedHashMap<>();
    Map<String, String> spk = new LinkedHashMap<>();
    String spec;
    if (Files.isDirectory(input)) {
      spec = "scp:" + input.resolve("wav.scp");
      Path u2s = input.resolve("utt2spk");
      if (Files.isRegularFile(u2s)) {
        for (String line : Files.readAllLines(u2s)) {
          String[] f = line.trim().split("\\s+");
          if (f.length == 2) {
            spk.put(f[0], f[1]);
          }
        }
      }
    } else {
      Path scp = Files.createTempFile("decode-audio", ".scp");
      List<String> lines = new ArrayList<>();
      for (String line : Files.readAllLines(input)) {
        if (!line.isBlank()) {
          String p = line.trim();
          String key = Path.of(p).getFileName().toString().replaceFirst("\\.[^.]+$", "");
          if (wav.put(key, p) != null) {
            throw new IllegalArgumentException(input + ": two audio files have the key " + key);
          }
          lines.add(key + " " + p);
        }
      }
      lines.sort(null);
      Files.write(scp, lines);
      scp.toFile().deleteOnExit();
      spec = "scp:" + scp;
    }
    ModelDir.Features f = model.features();
    FbankOptions fo = FbankOptions.paper().withMel(MelBanksOptions.defaults().withNumBins(f.numMelBins()));
    FeatureExtractor ex = FeatureExtractor.fbank(fo);
    AudioOptions ao = new AudioOptions(ex.frameOptions().sampleFrequency(), 0, false, false);
    List<Utt> utts = new ArrayList<>();
    Map<String, DoubleMatrix> stats = new LinkedHashMap<>();
    try (SequentialTableReader<WaveData> r = SequentialTableReader.open(spec, AudioInput.HOLDER)) {
      while (r.next()) {
        String key = r.key();
        WaveData w = r.value();
        FloatMatrix m = ex.compute(ao.prepare(w, this::warn), ex.frameOptions().sampleFrequency(), 1.0, key.hashCode());
        if (m.rows() == 0) {
          warn("utterance " + key + " is shorter than a frame; skipped");
          continue;
        }
        String s = f.perSpeakerCmvn() ? spk.getOrDefault(key, key) : key;
        Cmvn.accumulate(stats.computeIfAbsent(s, k -> Cmvn.newStats(m.cols())), m);
        utts.add(new Utt(key, s, m, w.duration()));
      }
    }
    for (Utt u : utts) {
      Cmvn.apply(stats.get(u.speaker()), f.normVars(), u.feats(), this::warn);
    }
    return utts;
  }

  private void writeTextAndJson(List<Utt> utts, Map<String, DecodeResult> results, SymbolTable words, double audio,
      double featSecs, double wall, double nnSecs) throws java.io.IOException {
    List<String> text = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("graph", graphDir.toString());
    root.put("model", modelDirs);
    root.put("audio_seconds", audio);
    root.put("rtf", wall / Math.max(1e-9, audio));
    root.put("rtf_with_features", (wall + featSecs) / Math.max(1e-9, audio));
    root.put("network_seconds", nnSecs);
    ArrayNode arr = root.putArray("utterances");
    for (Utt u : utts) {
      DecodeResult r = results.get(u.key());
      StringBuilder sb = new StringBuilder();
      if (r != null) {
        for (int w : r.words()) {
          String s = words.findSymbol(w);
          sb.append(sb.length() == 0 ? "" : " ").append(s == null ? "<" + w + ">" : s);
        }
      }
      text.add(u.key() + (sb.length() == 0 ? "" : " " + sb));
      ObjectNode o = arr.addObject();
      o.put("key", u.key());
      o.put("seconds", u.seconds());
      o.put("text", sb.toString());
      o.put("decoded", r != null);
    }
    Path tmp = out.resolve("text.tmp");
    Files.write(tmp, text);
    Files.move(tmp, out.resolve("text"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Path jtmp = out.resolve("results.json.tmp");
    json.writerWithDefaultPrettyPrinter().writeValue(jtmp.toFile(), root);
    Files.move(jtmp, out.resolve("results.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
