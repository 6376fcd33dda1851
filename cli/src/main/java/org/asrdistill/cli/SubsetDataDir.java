package org.asrdistill.cli;

import java.nio.file.Path;
import java.util.List;
import org.asrdistill.kaldiio.datadir.DataDir;
import org.asrdistill.kaldiio.datadir.DataDirSubset;
import org.asrdistill.kaldiio.datadir.SubsetOptions;
import org.asrdistill.kaldiio.datadir.SubsetOptions.Mode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "subset-data-dir",
    header = "Make a data directory holding a subset of another's utterances (utils/subset_data_dir.sh).",
    customSynopsis = {
        "Usage: subset-data-dir [--first|--last|--random|--speakers|--per-spk|--shortest] [--seed S] "
            + "<src-dir> <num-utt> <dest-dir>",
        "   or: subset-data-dir (--first N|--last N|--random N [--seed S]) <src-dir> <dest-dir>",
        "   or: subset-data-dir --utt-list <utt-list-file> <src-dir> <dest-dir>",
        "   or: subset-data-dir --spk-list <speaker-list-file> <src-dir> <dest-dir>"},
    description = {"Without an option, <num-utt> utterances spread evenly through utt2spk are chosen "
        + "(Kaldi's subset_scp.pl, deterministic). --random draws them at random with --seed (the same seed "
        + "gives the same subset). --speakers takes whole random speakers until <num-utt> is reached; "
        + "--per-spk takes up to <num-utt> per speaker; --shortest uses utt2num_frames or utt2dur. All other "
        + "files are filtered to the chosen utterances, their speakers and recordings."},
    footer = {"e.g.: subset-data-dir --random --seed 3 data/train 1000 data/train_1k",
        "  or: subset-data-dir --utt-list dev.list data/all data/dev",
        "See also: validate-data-dir, fix-data-dir, combine-data"})
public final class SubsetDataDir extends KaldiTool {
  static final class Choice {
    @Option(names = "--first", arity = "0..1", fallbackValue = "", paramLabel = "N",
        description = "The first <num-utt> (or N) utterances") String first;
    @Option(names = "--last", arity = "0..1", fallbackValue = "", paramLabel = "N",
        description = "The last <num-utt> (or N) utterances") String last;
    @Option(names = "--random", arity = "0..1", fallbackValue = "", paramLabel = "N",
        description = "<num-utt> (or N) random utterances (see --seed)") String random;
    @Option(names = "--speakers", description = "Random whole speakers, about <num-utt> utterances") boolean speakers;
    @Option(names = "--per-spk", description = "Up to <num-utt> utterances per speaker") boolean perSpk;
    @Option(names = "--shortest", description = "The <num-utt> shortest utterances") boolean shortest;
    @Option(names = "--utt-list", paramLabel = "<file>", description = "Utterances to keep") Path uttList;
    @Option(names = "--spk-list", paramLabel = "<file>", description = "Speakers to keep") Path spkList;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Choice choice = new Choice();

  @Option(names = "--seed", description = "Random seed for --random and --speakers. Default: ${DEFAULT-VALUE}")
  long seed;

  @Parameters(paramLabel = "<args>", arity = "1..3", description = "<src-dir> [<num-utt>] <dest-dir>")
  List<String> args = new java.util.ArrayList<>();

  @Override
  protected int run() throws Exception {
    Choice c = choice == null ? new Choice() : choice;
    // --first/--last/--random take the count either as their value (--random 1000 --seed 3 src dest) or
    // as Kaldi's positional <num-utt>; a non-numeric value picocli attached to them is the source dir.
    for (String v : new String[] {c.first, c.last, c.random}) {
      if (v != null && !v.isEmpty()) {
        if (v.matches("\\d+")) {
          args.add(1, v);
        } else {
          args.add(0, v);
        }
      }
    }
    boolean listMode = c.uttList != null || c.spkList != null;
    if (args.size() != (listMode ? 2 : 3)) {
      throw new IllegalArgumentException(listMode ? "expected <src-dir> <dest-dir> with a list option"
          : "expected <src-dir> <num-utt> <dest-dir>");
    }
    Path src = Path.of(args.get(0));
    Path dest = Path.of(args.get(args.size() - 1));
    SubsetOptions opt;
    if (listMode) {
      opt = c.uttList != null ? SubsetOptions.uttList(c.uttList) : SubsetOptions.spkList(c.spkList);
    } else {
      int n;
      try {
        n = Integer.parseInt(args.get(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("<num-utt> must be an integer; got: " + args.get(1));
      }
      Mode m = c.first != null ? Mode.FIRST : c.last != null ? Mode.LAST : c.random != null ? Mode.RANDOM : c.speakers ? Mode.SPEAKERS
          : c.perSpk ? Mode.PER_SPK : c.shortest ? Mode.SHORTEST : Mode.EVEN;
      opt = new SubsetOptions(m, n, null, seed);
    }
    int before = DataDir.read(src).fileOrEmpty("utt2spk").size();
    DataDir out = DataDirSubset.subset(src, dest, opt);
    log("reducing #utt from " + before + " to " + out.fileOrEmpty("utt2spk").size());
    return 0;
  }
}
