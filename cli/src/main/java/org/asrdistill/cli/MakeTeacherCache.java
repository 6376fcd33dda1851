package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.asrdistill.acoustic.dnn.ModelDir;
import org.asrdistill.acoustic.frames.FrameStore;
import org.asrdistill.distill.cache.TeacherCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "make-teacher-cache",
    header = "One pass of an ensemble over a frame store's frames: soft targets stored compactly for distillation.",
    customSynopsis = "Usage: make-teacher-cache [options] <frame-store> <cache-out> <model-dir>...",
    footer = {"Modes: topk (default; the top --top-k classes of the geometric-mean log-posteriors, 16-bit, and two",
        "statistics of the other classes' scores that give them their share of the mass at any temperature; serves",
        "any temperature; 4 + 4k + 4 bytes per frame), dense (all classes, float32), arith (top-k of the arithmetic",
        "mean of the posteriors at --temperature). Prints the bytes per frame.",
        "e.g.: make-teacher-cache train.fst exp/teacher.cache exp/ensemble/member-{1..10}",
        "See also: train-ensemble, distill"})
public final class MakeTeacherCache extends KaldiTool {
  @Option(names = "--mode", description = "topk, dense or arith. Default: ${DEFAULT-VALUE}")
  String mode = "topk";

  @Option(names = "--top-k", description = "Classes kept per frame (topk, arith). Default: ${DEFAULT-VALUE}")
  int topK = TeacherCache.DEFAULT_K;

  @Option(names = "--temperature", description = "Temperature of the arith mode. Default: ${DEFAULT-VALUE}")
  double temperature = 1.0;

  @Parameters(index = "0", paramLabel = "<frame-store>")
  Path storeFile;

  @Parameters(index = "1", paramLabel = "<cache-out>")
  Path out;

  @Parameters(index = "2..*", arity = "1..*", paramLabel = "<model-dir>")
  List<Path> models;

  @Override
  protected int run() throws Exception {
    List<ModelDir> m = new ArrayList<>();
    for (Path d : models) {
      m.add(ModelDir.read(d, 512));
    }
    try (FrameStore store = FrameStore.open(storeFile)) {
      int b = TeacherCache.write(store, m, TeacherCache.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), topK, temperature,
          out, this::log);
      System.out.println("bytes_per_frame=" + b);
    }
    return 0;
  }
}
