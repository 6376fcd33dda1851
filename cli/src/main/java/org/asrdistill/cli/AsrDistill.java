package org.asrdistill.cli;

import java.io.PrintWriter;
import org.asrdistill.kaldiio.KaldiFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code asr-distill} command: lists and dispatches the tools. */
@Command(
    name = "asr-distill",
    mixinStandardHelpOptions = true,
    versionProvider = AsrDistill.Version.class,
    header = "Speech recognisers trained by knowledge distillation (Hinton, Vinyals & Dean, 2015), with "
        + "Kaldi-compatible tools.",
    synopsisHeading = "%n",
    customSynopsis = "Usage: asr-distill <tool> [options] <args>  (asr-distill <tool> --help for a tool's usage)",
    commandListHeading = "%nTools:%n",
    footer = {"", "e.g.: asr-distill copy-feats ark:feats.ark ark,t:-",
        "See also: README.md, recipes/<corpus>/run.sh", ""},
    subcommands = {
        CopyFeats.class,
        CopyVector.class,
        CopyIntVector.class,
        CopyPost.class,
        FeatToDim.class,
        FeatToLen.class,
        BenchIo.class,
        BenchDecode.class,
        DecodeFasterMapped.class,
        LatgenFasterMapped.class,
        AlignMapped.class,
        LatticeBestPath.class,
        LatticeScale.class,
        ShowTransitions.class,
        CopyTransitionModel.class,
        CopyTree.class,
        TreeInfo.class,
        AliToPdf.class,
        AliToPhones.class,
        ShowAlignments.class,
        GmmCopy.class,
        GmmInfo.class,
        GmmInitMono.class,
        AlignEqual.class,
        GmmAccStatsAli.class,
        GmmSumAccs.class,
        GmmEst.class,
        GmmMixup.class,
        GmmAlignCompiled.class,
        GmmDecodeFaster.class,
        ConvertAli.class,
        TrainMono.class,
        MakeFrameStore.class,
        TrainDnn.class,
        NnetForward.class,
        Decode.class,
        BenchFrameStore.class,
        TrainEnsemble.class,
        MakeTeacherCache.class,
        Distill.class,
        NnetFrameAccuracy.class,
        BenchDistill.class,
        AlignEqualCompiled.class,
        TrainTri.class,
        MakeGrammar.class,
        AccTreeStats.class,
        SumTreeStats.class,
        ClusterPhones.class,
        CompileQuestions.class,
        BuildTree.class,
        GmmInitModel.class,
        BenchTrain.class,
        PrepareSynthDigits.class,
        PrepareSynthSentences.class,
        ComputeWer.class,
        ComputeWerBootci.class,
        FrameAccuracyTool.class,
        Report.class,
        BenchWer.class,
        ValidateDataDir.class,
        FixDataDir.class,
        SubsetDataDir.class,
        CombineData.class,
        Utt2spkToSpk2utt.class,
        Spk2uttToUtt2spk.class,
        WavToDuration.class,
        ExtractSegments.class,
        MakeLang.class,
        MakeLm.class,
        Arpa2Fst.class,
        MakeGraph.class,
        CompileTrainGraphs.class,
        BenchGraph.class,
        ComputeFbankFeats.class,
        ComputeMfccFeats.class,
        ComputeCmvnStats.class,
        ApplyCmvn.class,
        ApplyCmvnSliding.class,
        SpliceFeats.class,
        AddDeltas.class,
        BenchFbank.class,
        FstCompile.class,
        FstPrint.class,
        FstInfo.class,
        FstArcSort.class,
        FstCompose.class,
        FstDeterminize.class,
        FstMinimize.class,
        FstRmEpsilon.class,
        FstShortestDistance.class,
        FstShortestPath.class,
        FstProject.class,
        FstInvert.class,
        FstPush.class,
        FstConnect.class,
    })
public final class AsrDistill implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit status (used by tests). */
  public static int execute(String... args) {
    CommandLine cl = commandLine();
    return cl.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new AsrDistill());
    cl.setUsageHelpWidth(110);
    for (CommandLine sub : cl.getSubcommands().values()) {
      // Every tool takes --help; its synopsis already starts with Kaldi's "Usage:".
      sub.getCommandSpec().mixinStandardHelpOptions(true);
      sub.getCommandSpec().usageMessage().synopsisHeading("");
      sub.setUsageHelpWidth(110);
      java.util.List<String> keys = new java.util.ArrayList<>(sub.getHelpSectionKeys());
      keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING);
      keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST);
      sub.setHelpSectionKeys(keys);
    }
    cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      String tool = cmd.getCommandName();
      PrintWriter err = cmd.getErr();
      if (ex instanceof KaldiFormatException || ex instanceof java.io.IOException
          || ex instanceof IllegalArgumentException || ex instanceof java.util.NoSuchElementException) {
        err.println("ERROR (" + tool + ") " + describe(ex));
      } else {
        err.println("ERROR (" + tool + ") unexpected failure: " + ex);
        ex.printStackTrace(err);
      }
      err.flush();
      return 1;
    });
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine cmd = ex.getCommandLine();
      PrintWriter err = cmd.getErr();
      err.println("ERROR (" + cmd.getCommandName() + ") " + ex.getMessage());
      err.println();
      cmd.usage(err);
      err.flush();
      return 1;
    });
    return cl;
  }

  private static String describe(Exception ex) {
    if (ex instanceof java.nio.file.NoSuchFileException) {
      java.nio.file.NoSuchFileException n = (java.nio.file.NoSuchFileException) ex;
      return n.getFile() + ": " + (n.getReason() == null ? "no such file" : n.getReason());
    }
    return ex.getMessage() == null ? ex.toString() : ex.getMessage();
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = AsrDistill.class.getPackage().getImplementationVersion();
      return new String[] {"asr-distill " + (v == null ? "(development build)" : v)};
    }
  }
}
