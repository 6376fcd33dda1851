package org.asrdistill.acoustic.dnn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    int dim = featureDim();
    if (feats.cols() != dim) {
      throw new IllegalArgumentException("features have dimension " + feats.cols() + ", the model expects " + dim);
    }
    int n = feats.rows();
    int pdfs = numPdfs();
    float[] out = new float[n * pdfs];
    int maxB = engine.options().maxBatch();
    int win = left + 1 + right;
    float[] buf = new float[maxB * win * dim];
    float[] d = feats.data();
    for (int t0 = 0; t0 < n; t0 += maxB) {
      int b = Math.min(maxB, n - t0);
      for (int i = 0; i < b; i++) {
        for (int k = -left; k <= right; k++) {
          int f = Math.min(n - 1, Math.max(0, t0 + i + k));
          System.arraycopy(d, f * dim, buf, (i * win + k + left) * dim, dim);
        }
      }
      INDArray lp = engine.forward(buf, b);
      float[] v = lp.dup().data().asFloat();
      for (int i = 0; i < b; i++) {
        for (int p = 0; p < pdfs; p++) {
          out[(t0 + i) * pdfs + p] = v[i * pdfs + p] - priorScale * logPriors[p];
        }
      }
    }
    return new FloatMatrix(n, pdfs, out);
  }
}
