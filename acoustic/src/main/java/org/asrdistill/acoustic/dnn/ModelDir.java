package org.asrdistill.acoustic.dnn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DNN model directory: {@code final.zip} (the DL4J MultiLayerNetwork) and {@code model.json} (format and
 * version, topology, splice context, feature description, pdf log-priors from the training alignments,
 * provenance). {@link #logLikelihoods} computes what a hybrid decoder needs: log posterior minus prior-scale x log
 * prior, per frame and pdf.
 */
public final class ModelDir {
  public static final String FORMAT = "asr-distill-dnn";
  public static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Feature description stored with the model (how decoding must compute its input). */
  public record Features(String type, int numMelBins, boolean perSpeakerCmvn, boolean normVars) {
    /** The paper's: 40 log Mel filter banks, per-speaker mean normalisation. */
    public static Features paper() {
      return new Features("fbank", 40, true, false);
    }
  }

  private final Path dir;
  private final DnnTrainer engine;
  private final int left;
  private final int right;
  private final Features features;
  private final float[] logPriors;
  private final JsonNode json;

  private ModelDir(Path dir, DnnTrainer engine, int left, int right, Features features, float[] logPriors,
      JsonNode json) {
    this.dir = dir;
    this.engine = engine;
    this.left = left;
    this.right = right;
    this.features = features;
    this.logPriors = logPriors;
    this.json = json;
  }

  /** Writes {@code final.zip} and {@code model.json} (each to a temporary name, then renamed). */
  public static void write(Path dir, DnnTrainer engine, int left, int right, Features f, long[] pdfCounts,
      ObjectNode provenance) throws IOException {
    Files.createDirectories(dir);
    MultiLayerNetworks.save(engine, dir.resolve("final.zip"));
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    DnnTopology t = engine.topology();
    ObjectNode topo = root.putObject("topology");
    topo.put("input_dim", t.inputDim());
    topo.put("hidden_layers", t.hiddenLayers());
    topo.put("hidden_dim", t.hiddenDim());
    topo.put("num_pdfs", t.numPdfs());
    topo.put("params", t.numParams());
    ObjectNode sp = root.putObject("splice");
    sp.put("left", left);
    sp.put("right", right);
    ObjectNode fe = root.putObject("features");
    fe.put("type", f.type());
    fe.put("num_mel_bins", f.numMelBins());
    fe.put("per_speaker_cmvn", f.perSpeakerCmvn());
    fe.put("norm_vars", f.normVars());
    ArrayNode pr = root.putArray("log_priors");
    for (float v : logPriors(pdfCounts)) {
      pr.add(Double.parseDouble(String.format(Locale.ROOT, "%.6g", v)));
    }
    ArrayNode pc = root.putArray("pdf_counts");
    for (long c : pdfCounts) {
      pc.add(c);
    }
    root.set("provenance", provenance);
    Path tmp = dir.resolve("model.json.tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
    Files.move(tmp, dir.resolve("model.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Log priors from pdf counts (Kaldi nnet1's PdfPrior): log(count / total). A pdf seen in fewer than 1e-10 of the
   * frames gets log prior +30 (Kaldi uses a huge value), so its scaled likelihood is very low but finite.
   */
  public static float[] logPriors(long[] counts) {
    double total = 0;
    for (long c : counts) {
      total += c;
    }
    float[] p = new float[counts.length];
    for (int i = 0; i < counts.length; i++) {
      p[i] = counts[i] < 1e-10 * total || counts[i] == 0 ? 30f : (float) Math.log(counts[i] / total);
    }
    return p;
  }

  public static ModelDir read(Path dir, int maxBatch) throws IOException {
    Path mj = dir.resolve("model.json");
    if (!Files.isRegularFile(mj) || !Files.isRegularFile(dir.resolve("final.zip"))) {
      throw new IOException("model directory " + dir + " lacks model.json or final.zip");
    }
    JsonNode root = JSON.readTree(mj.toFile());
    if (!FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != VERSION) {
      throw new IOException(mj + ": not an " + FORMAT + " version " + VERSION + " model description");
    }
    DnnTrainer e = MultiLayerNetworks.load(dir.resolve("final.zip"), TrainerOptions.defaults().withMaxBatch(maxBatch));
    int numPdfs = e.topology().numPdfs();
    JsonNode pr = root.path("log_priors");
    if (pr.size() != numPdfs) {
      throw new IOException(mj + ": " + pr.size() + " log priors for a network with " + numPdfs + " outputs");
    }
    float[] lp = new float[numPdfs];
    for (int i = 0; i < numPdfs; i++) {
      lp[i] = (float) pr.get(i).asDouble();
    }
    JsonNode f = root.path("features");
    Features feats = new Features(f.path("type").asText("fbank"), f.path("num_mel_bins").asInt(40),
        f.path("per_speaker_cmvn").asBoolean(true), f.path("norm_vars").asBoolean(false));
    int left = root.path("splice").path("left").asInt();
    int right = root.path("splice").path("right").asInt();
    if (e.topology().inputDim() % (left + 1 + right) != 0) {
      throw new IOException(mj + ": input dimension " + e.topology().inputDim() + " is not a multiple of the splice "
          + "window " + (left + 1 + right));
    }
    return new ModelDir(dir, e, left, right, feats, lp, root);
  }

  public Path dir() {
    return dir;
  }

  public DnnTrainer engine() {
    return engine;
  }

  public Features features() {
    return features;
  }

  public int numPdfs() {
    return engine.topology().numPdfs();
  }

  public int featureDim() {
    return engine.topology().inputDim() / (left + 1 + right);
  }

  public JsonNode json() {
    return json;
  }

  /** The log priors (a copy). */
  public float[] logPriors() {
    return logPriors.clone();
  }

  /**
   * Per frame and pdf: log posterior - priorScale x log prior (priorScale 0: log posteriors). Not thread-safe
   * (the engine's buffers are shared): one ModelDir per thread.
   */
  public FloatMatrix logLikelihoods(FloatMatrix feats, float priorScale) {
    return logLikelihoods(List.of(feats), priorScale).get(0);
  }

  /**
   * As {@link #logLikelihoods(FloatMatrix, float)} for several utterances at once: their spliced frames are packed
   * into full minibatches across utterance boundaries (each utterance spliced with its own edges), so that short
   * utterances do not leave the matrix products small.
   */
  public List<FloatMatrix> logLikelihoods(List<FloatMatrix> utts, float priorScale) {
    int dim = featureDim();
    int pdfs = numPdfs();
    int maxB = engine.options().maxBatch();
    int win = left + 1 + right;
    List<FloatMatrix> result = new ArrayList<>(utts.size());
    for (FloatMatrix f : utts) {
      if (f.cols() != dim) {
        throw new IllegalArgumentException("features have dimension " + f.cols() + ", the model expects " + dim);
      }
      result.add(new FloatMatrix(f.rows(), pdfs, new float[f.rows() * pdfs]));
    }
    float[] buf = new float[maxB * win * dim];
    int[] rowUtt = new int[maxB];
    int[] rowFrame = new int[maxB];
    int b = 0;
    for (int u = 0; u < utts.size(); u++) {
      FloatMatrix f = utts.get(u);
      float[] d = f.data();
      int n = f.rows();
      for (int t = 0; t < n; t++) {
        for (int k = -left; k <= right; k++) {
          int src = Math.min(n - 1, Math.max(0, t + k));
          System.arraycopy(d, src * dim, buf, (b * win + k + left) * dim, dim);
        }
        rowUtt[b] = u;
        rowFrame[b] = t;
        if (++b == maxB) {
          flush(buf, b, rowUtt, rowFrame, result, priorScale);
          b = 0;
        }
      }
    }
    if (b > 0) {
      flush(buf, b, rowUtt, rowFrame, result, priorScale);
    }
    return result;
  }

  private void flush(float[] buf, int b, int[] rowUtt, int[] rowFrame, List<FloatMatrix> out, float priorScale) {
    int pdfs = numPdfs();
    float[] v = engine.forward(buf, b).dup().data().asFloat();
    for (int i = 0; i < b; i++) {
      float[] o = out.get(rowUtt[i]).data();
      int base = rowFrame[i] * pdfs;
      for (int p = 0; p < pdfs; p++) {
        o[base + p] = v[i * pdfs + p] - priorScale * logPriors[p];
      }
    }
  }
}
