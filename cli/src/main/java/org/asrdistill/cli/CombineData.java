package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.kaldiio.datadir.DataDirCombiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "combine-data",
    header = "Combine several data directories into one (utils/combine_data.sh).",
    customSynopsis = "Usage: combine-data [--extra-files 'file1 file2'] [--skip-fix] <dest-data-dir> "
        + "<src-data-dir1> <src-data-dir2> ...",
    description = {"Files that do not appear in all source directories are not combined, except utt2uniq "
        + "and segments, which are created where necessary (segments from utt2dur or the audio). The data "
        + "files already in <dest-data-dir> are replaced; the result is then fixed as by fix-data-dir."},
    footer = {"e.g.: combine-data data/train data/train_a data/train_b",
        "See also: subset-data-dir, fix-data-dir, validate-data-dir"})
public final class CombineData extends KaldiTool {
  @Option(names = "--extra-files", paramLabel = "'<f1> <f2>'",
      description = "Additional key-indexed files to combine")
  String extraFiles = "";

  @Option(names = "--skip-fix", arity = "0..1", fallbackValue = "true",
      description = "Do not run fix-data-dir on the result. Default: ${DEFAULT-VALUE}")
  boolean skipFix;

  @Parameters(index = "0", paramLabel = "<dest-data-dir>")
  Path dest;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "<src-data-dir>")
  List<Path> srcs;

  @Override
  protected int run() throws Exception {
    List<String> extras = new ArrayList<>();
    for (String f : extraFiles.strip().split("\\s+")) {
      if (!f.isEmpty()) {
        extras.add(f);
      }
    }
    DataDirCombiner.combine(dest, srcs, extras, skipFix, this::log);
    return 0;
  }
}
