package org.asrdistill.acoustic.dnn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.acoustic.frames.Minibatches;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Frame-level cross-entropy training of a DNN on a {@link FrameStore} with Kaldi nnet1's "newbob" schedule
 * (steps/nnet/train_scheduler.sh): after each epoch the held-out loss decides: an epoch that makes it worse is
 * rejected (the previous parameters are restored); once the relative improvement falls below
 * {@code startHalvingImpr} the learning rate is halved every epoch, and training stops when it falls below
 * {@code endHalvingImpr} while halving (or after {@code maxEpochs}). Each epoch ends with a checkpoint (parameters,
 * updater state, schedule state); a rerun resumes after the last complete epoch and, with the same seed, gives
 * the same model as an uninterrupted run.
 */
public final class DnnTraining {
  /** Options; {@link #defaults()} gives Kaldi nnet1's schedule constants with momentum SGD. */
  public record Options(DnnTopology topology, TrainerOptions.Updater updater, double learnRate, double momentum,
      int batchSize, int maxEpochs, int minEpochs, double halvingFactor, double startHalvingImpr,
      double endHalvingImpr, int validSpeakers, int left, int right, long seed, ModelDir.Features features,
      boolean earlyStopping) {
    public Options {
      if (!(learnRate > 0) || batchSize < 1 || maxEpochs < 1 || validSpeakers < 0 || left < 0 || right < 0) {
        throw new IllegalArgumentException("need learn-rate > 0, batch-size >= 1, max-epochs >= 1, valid-speakers >= 0,"
            + " splice >= 0; got: " + learnRate + ", " + batchSize + ", " + maxEpochs + ", " + validSpeakers);
      }
    }

    public static Options defaults(DnnTopology topology) {
      return new Options(topology, TrainerOptions.Updater.MOMENTUM, 0.008, 0.9, 256, 20, 0, 0.5, 0.01, 0.001, 4,
          DnnTopology.SPLICE_LEFT, DnnTopology.SPLICE_RIGHT, 1, ModelDir.Features.paper(), true);
    }
  }

  /** One training step on a minibatch, returning its mean loss (the default: cross-entropy on the hard labels). */
  public interface BatchStep {
    double step(DnnTrainer engine, Minibatches.Batch batch, double learnRate);
  }

  /** Frame cross-entropy against the store's targets. */
  public static final BatchStep CROSS_ENTROPY = (engine, b, lr) -> engine.trainBatch(b.features, b.n,
      b.n == b.labels.length ? b.labels : Arrays.copyOf(b.labels, b.n), lr);

  private static final ObjectMapper JSON = new ObjectMapper();

  private DnnTraining() {
  }

  /** Speakers held out for validation: {@code n} of them, chosen by the seed (at least one left for training). */
  public static List<String> validationSpeakers(FrameStore store, int n, long seed) {
    List<String> spk = new ArrayList<>(new TreeSet<>(store.utts().stream().map(FrameStore.Utt::speaker).toList()));
    Collections.shuffle(spk, new Random(seed));
    return List.copyOf(new TreeSet<>(spk.subList(0, Math.min(n, Math.max(0, spk.size() - 1)))));
  }

  /** Trains into {@code expDir} and writes the model directory there; resumes a partial run. */
  public static ModelDir train(FrameStore store, Path expDir, Options o, Consumer<String> log) throws IOException,
      InterruptedException {
    return train(store, null, expDir, o, CROSS_ENTROPY, log);
  }

  /**
   * As {@link #train(FrameStore, Path, Options, Consumer)} with another training loss ({@code step}, e.g.
   * distillation) and optionally only the utterances of {@code subset} (null: all) for training; validation is
   * always cross-entropy and frame accuracy on the held-out speakers' utterances.
   */
  public static ModelDir train(FrameStore store, java.util.Set<String> subset, Path expDir, Options o, BatchStep step,
      Consumer<String> log) throws IOException, InterruptedException {
    return train(store, subset, expDir, o, step, java.util.Map.of("targets", "hard"), log);
  }

  /**
   * As {@link #train(FrameStore, java.util.Set, Path, Options, BatchStep, Consumer)}; {@code describe} (e.g. the
   * targets and temperature of a distillation step) is added to the provenance in model.json.
   */
  public static ModelDir train(FrameStore store, java.util.Set<String> subset, Path expDir, Options o, BatchStep step,
      java.util.Map<String, ?> describe, Consumer<String> log) throws IOException, InterruptedException {
    Files.createDirectories(expDir);
    // the same held-out speakers for every seed, so that ensemble members and students are comparable
    List<String> validSpk = validationSpeakers(store, o.validSpeakers(), 0);
    List<FrameStore.Utt> train = new ArrayList<>();
    List<FrameStore.Utt> valid = new ArrayList<>();
    for (FrameStore.Utt u : store.utts()) {
      if (validSpk.contains(u.speaker())) {
        valid.add(u);
      } else if (subset == null || subset.contains(u.key())) {
        train.add(u);
      }
    }
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training utterances left after holding out " + validSpk);
    }
    int win = o.left() + 1 + o.right();
    if (o.topology().inputDim() != store.dim() * win || o.topology().numPdfs() != store.numPdfs()) {
      throw new IllegalArgumentException("topology " + o.topology() + " does not fit the store (dim " + store.dim()
          + " x " + win + " frames, " + store.numPdfs() + " pdfs)");
    }
    TrainerOptions to = TrainerOptions.defaults().withUpdater(o.updater()).withMomentum(o.momentum())
        .withMaxBatch(o.batchSize()).withSeed(o.seed());
    DnnTrainer engine = new DnnTrainer(o.topology(), to);
    Path statePath = expDir.resolve("train-state.json");
    ObjectNode state;
    if (Files.isRegularFile(statePath)) {
      state = (ObjectNode) JSON.readTree(statePath.toFile());
      readState(engine, expDir.resolve(state.get("state_file").asText()));
      log.accept(String.format(Locale.ROOT, "train-dnn: resuming after epoch %d (learn rate %.6g)",
          state.get("epoch").asInt(), state.get("learn_rate").asDouble()));
    } else {
      state = JSON.createObjectNode();
      state.put("epoch", 0);
      state.put("learn_rate", o.learnRate());
      state.put("halving", false);
      state.put("done", false);
      double[] v = evaluate(engine, store, valid, o);
      state.put("valid_loss", v[0]);
      state.putArray("history").addObject().put("epoch", 0).put("valid_loss", v[0]).put("valid_acc", v[1]);
      log.accept(String.format(Locale.ROOT, "train-dnn: %d train utterances (%d frames), %d held-out speakers %s "
          + "(%d frames); %s; initial held-out loss %.4f, frame accuracy %.2f%%", train.size(),
          train.stream().mapToLong(FrameStore.Utt::frames).sum(), validSpk.size(), validSpk,
          valid.stream().mapToLong(FrameStore.Utt::frames).sum(), o.topology(), v[0], 100 * v[1]));
      checkpoint(engine, state, expDir);
    }
    while (!state.get("done").asBoolean()) {
      int epoch = state.get("epoch").asInt() + 1;
      double lr = state.get("learn_rate").asDouble();
      long t0 = System.nanoTime();
      double trainLoss = epoch(engine, store, train, o, epoch, lr, step, log);
      double secs = (System.nanoTime() - t0) / 1e9;
      double[] v = evaluate(engine, store, valid, o);
      double prev = state.get("valid_loss").asDouble();
      boolean accept = v[0] < prev || valid.isEmpty() || !o.earlyStopping();
      double relImpr = (prev - v[0]) / prev;
      ObjectNode h = ((ArrayNode) state.get("history")).addObject();
      h.put("epoch", epoch).put("learn_rate", lr).put("train_loss", trainLoss).put("valid_loss", v[0])
          .put("valid_acc", v[1]).put("accepted", accept).put("seconds", secs);
      log.accept(String.format(Locale.ROOT, "epoch %d: train loss %.4f, held-out loss %.4f, frame accuracy %.2f%%, "
          + "learn rate %.6g, %s (%.0f s)", epoch, trainLoss, v[0], 100 * v[1], lr, accept ? "accepted" : "rejected",
          secs));
      if (accept) {
        state.put("valid_loss", v[0]);
      } else {
        readState(engine, expDir.resolve(state.get("state_file").asText()));
      }
      boolean halving = state.get("halving").asBoolean();
      boolean done = epoch >= o.maxEpochs();
      if (halving && relImpr < o.endHalvingImpr() && epoch >= o.minEpochs() && o.earlyStopping()) {
        done = true;
      }
      if (relImpr < o.startHalvingImpr()) {
        halving = true;
      }
      if (halving) {
        lr *= o.halvingFactor();
      }
      state.put("epoch", epoch);
      state.put("learn_rate", lr);
      state.put("halving", halving);
      state.put("done", done);
      checkpoint(engine, state, expDir);
    }
    long[] counts = store.pdfCounts(train);
    ObjectNode prov = JSON.createObjectNode();
    prov.put("frame_store", store.file().toAbsolutePath().toString());
    prov.put("train_frames", Arrays.stream(counts).sum());
    prov.put("seed", o.seed());
    prov.put("updater", o.updater().name());
    prov.put("batch_size", o.batchSize());
    long pool = 0;
    for (FrameStore.Utt u : store.utts()) {
      pool += validSpk.contains(u.speaker()) ? 0 : u.frames();
    }
    prov.put("train_fraction", pool == 0 ? 0.0 : (double) Arrays.stream(counts).sum() / pool);
    prov.put("epochs", state.get("epoch").asInt());
    prov.put("early_stopping", o.earlyStopping());
    prov.put("early_stopped", state.get("epoch").asInt() < o.maxEpochs());
    describe.forEach(prov::putPOJO);
    prov.putPOJO("valid_speakers", validSpk);
    prov.set("history", state.get("history"));
    ModelDir.write(expDir, engine, o.left(), o.right(), o.features(), counts, prov);
    log.accept("train-dnn: wrote " + expDir.resolve("final.zip") + " and model.json");
    return ModelDir.read(expDir, o.batchSize());
  }

  private static double epoch(DnnTrainer engine, FrameStore store, List<FrameStore.Utt> train, Options o, int epoch,
      double lr, BatchStep step, Consumer<String> log) throws InterruptedException {
    double loss = 0;
    long frames = 0;
    long t0 = System.nanoTime();
    long lastLog = t0;
    try (Minibatches mb = new Minibatches(store, train, o.left(), o.right(), o.batchSize(), o.seed(), epoch, true, 0)) {
      long total = mb.numFrames();
      for (Minibatches.Batch b = mb.next(); b != null; b = mb.next()) {
        double bl = step.step(engine, b, lr);
        mb.recycle(b);
        if (!Double.isFinite(bl)) {
          throw new IllegalStateException("epoch " + epoch + ": the training loss became " + bl
              + " (learning rate " + lr + " too high?)");
        }
        loss += bl * b.n;
        frames += b.n;
        long now = System.nanoTime();
        if (now - lastLog > 15e9) {
          lastLog = now;
          double fps = frames / ((now - t0) / 1e9);
          log.accept(String.format(Locale.ROOT, "epoch %d: %.1f%% of %d frames, loss %.4f, %.0f frames/s, ETA %.0f s",
              epoch, 100.0 * frames / total, total, loss / frames, fps, (total - frames) / fps));
        }
      }
    }
    return loss / Math.max(1, frames);
  }

  /** Held-out cross-entropy and frame accuracy ({NaN, NaN} without held-out data). */
  public static double[] evaluate(DnnTrainer engine, FrameStore store, List<FrameStore.Utt> utts, Options o)
      throws InterruptedException {
    if (utts.isEmpty()) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double loss = 0;
    long correct = 0;
    long frames = 0;
    try (Minibatches mb = new Minibatches(store, utts, o.left(), o.right(), engine.options().maxBatch(), 0, 0, false,
        0)) {
      for (Minibatches.Batch b = mb.next(); b != null; b = mb.next()) {
        INDArray lp = engine.forward(b.features, b.n);
        INDArray am = Nd4j.argMax(lp, 1);
        for (int i = 0; i < b.n; i++) {
          loss -= lp.getDouble(i, b.labels[i]);
          correct += am.getLong(i) == b.labels[i] ? 1 : 0;
        }
        frames += b.n;
        mb.recycle(b);
      }
    }
    return new double[] {loss / frames, correct / (double) frames};
  }

  /**
   * Writes {@code epoch-N.state}, then the schedule state naming it ({@code train-state.json}), then removes the
   * previous state file: a kill at any point leaves a consistent (json, state) pair.
   */
  private static void checkpoint(DnnTrainer engine, ObjectNode state, Path dir) throws IOException {
    String old = state.has("state_file") ? state.get("state_file").asText() : null;
    String name = "epoch-" + state.get("epoch").asInt() + ".state";
    Path tmp = dir.resolve(name + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
      engine.writeState(out);
    }
    Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    state.put("state_file", name);
    Path jtmp = dir.resolve("train-state.json.tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(jtmp.toFile(), state);
    Files.move(jtmp, dir.resolve("train-state.json"), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    if (old != null && !old.equals(name)) {
      Files.deleteIfExists(dir.resolve(old));
    }
  }

  private static void readState(DnnTrainer engine, Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      engine.readState(in, file.toString());
    }
  }
}
