package org.asrdistill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.asrdistill.acoustic.dnn.ModelDir;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.distill.ensemble.Ensemble;
import org.asrdistill.eval.report.ResultRecord;
import org.asrdistill.eval.report.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "nnet-frame-accuracy",
    header = "Frame accuracy of DNNs on a frame store (e.g. of the test set): each model's, and with several models "
        + "the ensemble's.",
    customSynopsis = "Usage: nnet-frame-accuracy [options] <frame-store> <model-dir>...",
    footer = {"Prints one line per model and, for several, 'ensemble frame_accuracy=...'. With --write-result the",
        "last line's result (the ensemble's, or the one model's) is written as a result record with the model's size,",
        "training targets and temperature, data fraction, epochs and, for one model, its training curve.",
        "e.g.: nnet-frame-accuracy --combine=geometric test.fst exp/ensemble/member-{1..10}",
        "  or: nnet-frame-accuracy --write-result=exp/results/fa-baseline-test.json --system=baseline \\",
        "        --experiment=table1 --dataset=test exp/test.fst exp/ensemble/member-1",
        "See also: train-ensemble, frame-accuracy, decode, report"})
public final class NnetFrameAccuracy extends KaldiTool {
  @Option(names = "--combine", description = "arithmetic or geometric mean of posteriors. Default: ${DEFAULT-VALUE}")
  String combine = "arithmetic";

  @Option(names = "--utt-list", description = "Score only these utterances (first field of each line), e.g. a "
      + "small-data training subset")
  Path uttList;

  @Mixin
  ResultOptions out = new ResultOptions();

  @Parameters(index = "0", paramLabel = "<frame-store>")
  Path storeFile;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "<model-dir>")
  List<Path> models;

  @Override
  protected int run() throws Exception {
    Ensemble.Combination c = Ensemble.Combination.valueOf(combine.toUpperCase(Locale.ROOT));
    try (FrameStore store = FrameStore.open(storeFile)) {
      List<FrameStore.Utt> utts = store.utts();
      if (uttList != null) {
        java.util.Set<String> keep = DnnTrainOptions.readUttList(uttList);
        utts = utts.stream().filter(u -> keep.contains(u.key())).toList();
        if (utts.isEmpty()) {
          throw new IllegalArgumentException(uttList + ": none of its utterances is in " + storeFile);
        }
      }
      Ensemble all = Ensemble.read(models, c, 512);
      long[][] counts = all.memberFrameCounts(store, utts); // one forward pass of each model
      long[] last = null;
      for (int i = 0; i < models.size(); i++) {
        last = counts[i];
        System.out.printf(Locale.ROOT, "%s frame_accuracy=%.4f%n", models.get(i), 100.0 * last[0] / last[1]);
      }
      if (models.size() > 1) {
        last = counts[models.size()];
        System.out.printf(Locale.ROOT, "ensemble(%s, %d members) frame_accuracy=%.4f%n", combine, models.size(),
            100.0 * last[0] / last[1]);
      }
      if (out.file != null) {
        ResultRecord.Builder b = ResultRecord.builder("frame-accuracy", out.system)
            .experiment(out.experiment).dataset(out.dataset)
            .frameAccuracy(ResultRecord.FrameScore.of(last[1], last[0]))
            .model(describe(all.members()));
        if (models.size() == 1) {
          b.curve(curve(all.members().get(0).json().path("provenance").path("history")));
        }
        Results.write(out.file, b.provenance(Results.provenance(toolName(), commandLineText(), null)).build());
      }
    }
    return 0;
  }

  /** The result record's model: sizes summed over members; training details of a single model from model.json. */
  static ResultRecord.Model describe(List<ModelDir> members) {
    long params = 0;
    for (ModelDir m : members) {
      params += m.json().path("topology").path("params").asLong();
    }
    JsonNode top = members.get(0).json().path("topology");
    Integer layers = top.path("hidden_layers").asInt();
    Integer units = top.path("hidden_dim").asInt();
    Integer pdfs = top.path("num_pdfs").asInt();
    if (members.size() > 1) {
      return new ResultRecord.Model("dnn-ensemble", params, layers, units, pdfs, members.size(), null, null, "hard",
          null, null, null);
    }
    JsonNode p = members.get(0).json().path("provenance");
    return new ResultRecord.Model("dnn", params, layers, units, pdfs, 1,
        p.has("temperature") ? p.get("temperature").asDouble() : null,
        p.has("hard_weight") ? p.get("hard_weight").asDouble() : null,
        p.has("targets") ? p.get("targets").asText() : null,
        p.has("train_fraction") ? p.get("train_fraction").asDouble() : null,
        p.has("epochs") ? p.get("epochs").asInt() : null,
        p.has("early_stopped") ? p.get("early_stopped").asBoolean() : null);
  }

  /** The per-epoch curve of model.json's history (epoch 0: the initial held-out scores). */
  static List<ResultRecord.EpochPoint> curve(JsonNode history) {
    List<ResultRecord.EpochPoint> c = new ArrayList<>();
    for (JsonNode h : history) {
      c.add(new ResultRecord.EpochPoint(h.path("epoch").asInt(),
          h.has("train_loss") ? h.get("train_loss").asDouble() : null,
          h.has("valid_loss") ? h.get("valid_loss").asDouble() : null, null,
          h.has("valid_acc") ? h.get("valid_acc").asDouble() : null,
          h.has("learn_rate") ? h.get("learn_rate").asDouble() : null));
    }
    return c;
  }
}
