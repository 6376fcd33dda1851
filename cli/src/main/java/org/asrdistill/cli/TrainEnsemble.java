package org.asrdistill.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.acoustic.dnn.DnnTraining;
import org.asrdistill.acoustic.frames.FrameStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "train-ensemble",
    header = "Train an ensemble of DNNs that differ by seed only, one after another or as parallel processes; each "
        + "member is resumable and finished members are skipped.",
    customSynopsis = "Usage: train-ensemble [options] <frame-store> <exp-dir>",
    footer = {"Member i (1-based) is trained with seed --seed + i - 1 into <exp-dir>/member-i (a train-dnn model",
        "directory; logs in <exp-dir>/member-i/train.log when run in parallel). All members hold out the same speakers.",
        "e.g.: train-ensemble --members=10 --parallel=2 --preset=cpu --trans-model=exp/tri1/final.mdl train.fst "
            + "exp/ensemble",
        "See also: train-dnn, make-teacher-cache, nnet-frame-accuracy, decode"})
public final class TrainEnsemble extends KaldiTool {
  @Mixin
  DnnTrainOptions train = new DnnTrainOptions();

  @Option(names = "--members", description = "Number of members. Default: ${DEFAULT-VALUE}")
  int members = 10;

  @Option(names = "--parallel", description = "Members trained at the same time, as separate processes "
      + "(1: in this process, one after another); each gets OMP_NUM_THREADS = cores / parallel unless set. "
      + "Default: ${DEFAULT-VALUE}")
  int parallel = 1;

  @Option(names = "--trans-model", description = "Transition model copied into each member directory as trans.mdl")
  Path transModel;

  @Parameters(index = "0", paramLabel = "<frame-store>")
  Path storeFile;

  @Parameters(index = "1", paramLabel = "<exp-dir>")
  Path exp;

  @Override
  protected int run() throws Exception {
    if (members < 1 || parallel < 1) {
      throw new IllegalArgumentException("--members and --parallel must be >= 1; got: " + members + ", " + parallel);
    }
    List<Integer> todo = new ArrayList<>();
    for (int i = 1; i <= members; i++) {
      Path d = exp.resolve("member-" + i);
      if (Files.isRegularFile(d.resolve("model.json")) && Files.isRegularFile(d.resolve("final.zip"))) {
        log("member " + i + " is complete (" + d + "); skipped");
        continue;
      }
      Files.createDirectories(d);
      if (transModel != null) {
        DnnTrainOptions.copyTransModel(transModel, d);
      }
      todo.add(i);
    }
    if (parallel == 1) {
      try (FrameStore store = FrameStore.open(storeFile)) {
        for (int i : todo) {
          log("member " + i + " of " + members + ": seed " + (train.seed + i - 1));
          DnnTraining.train(store, train.subset(), exp.resolve("member-" + i), train.options(store, train.seed + i - 1),
              DnnTraining.CROSS_ENTROPY, this::log);
        }
      }
      return 0;
    }
    return runProcesses(todo);
  }

  /** Each member as `train-dnn` in a child JVM with this process's class path and options. */
  private int runProcesses(List<Integer> todo) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<Process> running = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    int failed = 0;
    int next = 0;
    while (next < todo.size() || !running.isEmpty()) {
      while (running.size() < parallel && next < todo.size()) {
        int i = todo.get(next++);
        Path d = exp.resolve("member-" + i);
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + Math.max(1, Runtime.getRuntime().maxMemory()
            / parallel / (1 << 20)) + "m", "-cp", System.getProperty("java.class.path"), AsrDistill.class.getName(),
            "train-dnn"));
        cmd.addAll(trainArgs(train.seed + i - 1));
        cmd.add(storeFile.toString());
        cmd.add(d.toString());
        log("member " + i + " of " + members + ": seed " + (train.seed + i - 1) + ", log " + d.resolve("train.log"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
            ProcessBuilder.Redirect.appendTo(new File(d.resolve("train.log").toString())));
        // the cores shared out between the members (ND4J's OpenMP and BLAS threads), unless the user set it
        pb.environment().putIfAbsent("OMP_NUM_THREADS",
            Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() / parallel)));
        Process p = pb.start();
        running.add(p);
        ids.add(i);
      }
      Thread.sleep(500);
      for (int j = running.size() - 1; j >= 0; j--) {
        if (!running.get(j).isAlive()) {
          int rc = running.get(j).exitValue();
          log("member " + ids.get(j) + " finished with exit code " + rc);
          failed += rc == 0 ? 0 : 1;
          running.remove(j);
          ids.remove(j);
        }
      }
    }
    return failed == 0 ? 0 : 1;
  }

  private List<String> trainArgs(long seed) {
    List<String> a = new ArrayList<>(List.of("--preset=" + train.preset, "--updater=" + train.updater,
        "--learn-rate=" + train.learnRate, "--momentum=" + train.momentum, "--minibatch-size=" + train.batchSize,
        "--max-iters=" + train.maxEpochs, "--min-iters=" + train.minEpochs, "--halving-factor=" + train.halvingFactor,
        "--start-halving-impr=" + train.startHalvingImpr, "--end-halving-impr=" + train.endHalvingImpr,
        "--valid-speakers=" + train.validSpeakers, "--left-context=" + train.left, "--right-context=" + train.right,
        "--seed=" + seed));
    if (train.hiddenLayers != null) {
      a.add("--hidden-layers=" + train.hiddenLayers);
    }
    if (train.hiddenDim != null) {
      a.add("--hidden-dim=" + train.hiddenDim);
    }
    if (train.uttList != null) {
      a.add("--utt-list=" + train.uttList);
    }
    return a;
  }
}
