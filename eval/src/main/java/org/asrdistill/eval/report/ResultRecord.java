package org.asrdistill.eval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.asrdistill.eval.wer.ErrorCounts;

/**
 * One result, as written to JSON by every tool (schema: eval/RESULTS-SCHEMA.md). Optional parts are
 * null and left out of the JSON.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param kind what wrote it: training, distillation, decoding, scoring, frame-accuracy
 * @param experiment the report section: table1, small-data, temperature-sweep, lm-weight-sweep, or other
 * @param system row name, e.g. baseline, ensemble, distilled-T2, small-data-hard
 * @param dataset the data set evaluated (train, dev, test)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultRecord(int schemaVersion, String kind, String experiment, String system, String dataset,
    Model model, FrameScore frameAccuracy, WerScore wer, Timings timings, List<EpochPoint> curve,
    Provenance provenance) {
  public static final int SCHEMA_VERSION = 1;

  public ResultRecord {
    if (schemaVersion < 1) {
      throw new IllegalArgumentException("schemaVersion must be >= 1; got: " + schemaVersion);
    }
    if (kind == null || kind.isBlank() || system == null || system.isBlank()) {
      throw new IllegalArgumentException("kind and system must be non-blank; got: " + kind + ", " + system);
    }
    curve = curve == null ? null : List.copyOf(curve);
  }

  /** The model evaluated or trained; every field optional. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Model(String type, Long parameters, Integer hiddenLayers, Integer hiddenUnits, Integer pdfs,
      Integer ensembleSize, Double temperature, Double hardWeight, String targets, Double trainFraction,
      Integer epochs, Boolean earlyStopped) {
  }

  /** Frame accuracy: frames, correct frames and their ratio (0..1). */
  public record FrameScore(long frames, long correct, double accuracy) {
    public static FrameScore of(long frames, long correct) {
      return new FrameScore(frames, correct, frames == 0 ? 0 : (double) correct / frames);
    }
  }

  /**
   * Word error counts and rate (percent) with the decoding settings that produced them and an optional
   * bootstrap 95% interval.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WerScore(long words, long correct, long substitutions, long deletions, long insertions,
      long sentences, long sentenceErrors, double percentWer, Double lmWeight, Double wordInsertionPenalty,
      Double ciLow, Double ciHigh) {
    public static WerScore of(ErrorCounts c) {
      return new WerScore(c.refWords(), c.correct(), c.substitutions(), c.deletions(), c.insertions(),
          c.sentences(), c.sentenceErrors(), c.refWords() == 0 ? 0 : c.percentWer(), null, null, null, null);
    }

    public WerScore withLmWeight(Double lmwt, Double penalty) {
      return new WerScore(words, correct, substitutions, deletions, insertions, sentences, sentenceErrors,
          percentWer, lmwt, penalty, ciLow, ciHigh);
    }

    public WerScore withInterval(Double low, Double high) {
      return new WerScore(words, correct, substitutions, deletions, insertions, sentences, sentenceErrors,
          percentWer, lmWeight, wordInsertionPenalty, low, high);
    }
  }

  /** Speed: wall time, frames processed, frames per second, audio seconds and real-time factor. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Timings(Double wallSeconds, Long frames, Double framesPerSecond, Double audioSeconds,
      Double realTimeFactor) {
  }

  /** One epoch of a training curve; accuracies are 0..1. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EpochPoint(int epoch, Double trainLoss, Double validLoss, Double trainFrameAccuracy,
      Double validFrameAccuracy, Double learningRate) {
  }

  /** How the result was made: full command line, source commit, seed, time (ISO-8601), tool. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Provenance(String commandLine, String commit, Long seed, String createdAt, String tool) {
  }

  public static Builder builder(String kind, String system) {
    return new Builder(kind, system);
  }

  /** Builds a record field by field. */
  public static final class Builder {
    private final String kind;
    private final String system;
    private String experiment;
    private String dataset;
    private Model model;
    private FrameScore frameAccuracy;
    private WerScore wer;
    private Timings timings;
    private List<EpochPoint> curve;
    private Provenance provenance;

    private Builder(String kind, String system) {
      this.kind = kind;
      this.system = system;
    }

    public Builder experiment(String v) {
      experiment = v;
      return this;
    }

    public Builder dataset(String v) {
      dataset = v;
      return this;
    }

    public Builder model(Model v) {
      model = v;
      return this;
    }

    public Builder frameAccuracy(FrameScore v) {
      frameAccuracy = v;
      return this;
    }

    public Builder wer(WerScore v) {
      wer = v;
      return this;
    }

    public Builder timings(Timings v) {
      timings = v;
      return this;
    }

    public Builder curve(List<EpochPoint> v) {
      curve = v;
      return this;
    }

    public Builder provenance(Provenance v) {
      provenance = v;
      return this;
    }

    public ResultRecord build() {
      return new ResultRecord(SCHEMA_VERSION, kind, experiment, system, dataset, model, frameAccuracy, wer,
          timings, curve, provenance);
    }
  }
}
