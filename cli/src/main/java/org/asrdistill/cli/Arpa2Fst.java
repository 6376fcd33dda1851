package org.asrdistill.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asrdistill.decoder.graph.GrammarFst;
import org.asrdistill.decoder.lm.ArpaModel;
import org.asrdistill.fst.SymbolTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "arpa2fst",
    header = "Converts an ARPA n-gram LM to the grammar FST G (backoff arcs on the disambiguation symbol).",
    customSynopsis = "Usage: arpa2fst --read-symbol-table=words.txt [options] <arpa-rxfilename> <fst-out>",
    footer = {"As Kaldi's arpa2fst with --disambig-symbol: <s> and </s> become the start state and final weights;",
        "n-grams with words missing from the symbol table are skipped with a warning.",
        "e.g.: arpa2fst --disambig-symbol=#0 --read-symbol-table=data/lang/words.txt lm.arpa data/lang/G.fst",
        "See also: make-lm, make-graph"})
public final class Arpa2Fst extends KaldiTool {
  @Option(names = "--read-symbol-table", required = true, description = "Word symbol table (words.txt).")
  String symbols;

  @Option(names = "--disambig-symbol", description = "Backoff symbol. Default: ${DEFAULT-VALUE}")
  String disambig = "#0";

  @Option(names = "--bos-symbol", description = "Default: ${DEFAULT-VALUE}")
  String bos = "<s>";

  @Option(names = "--eos-symbol", description = "Default: ${DEFAULT-VALUE}")
  String eos = "</s>";

  @Parameters(index = "0", paramLabel = "<arpa-rxfilename>")
  String arpa;

  @Parameters(index = "1", paramLabel = "<fst-out>")
  String out;

  @Override
  protected int run() throws Exception {
    SymbolTable words = SymbolTable.readText(Path.of(symbols));
    long d = words.findKey(disambig);
    if (d <= 0) {
      throw new IllegalArgumentException("--disambig-symbol " + disambig + " is not in " + symbols);
    }
    ArpaModel lm;
    try (BufferedReader r = FstFiles.isStd(arpa)
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Path.of(arpa), StandardCharsets.UTF_8)) {
      lm = ArpaModel.read(r, FstFiles.isStd(arpa) ? "standard input" : arpa);
    }
    GrammarFst.Compiled g = GrammarFst.fromArpa(lm, w -> (int) words.findKey(w), (int) d, bos, eos);
    if (g.skippedNgrams() > 0) {
      warn("Skipped " + g.skippedNgrams() + " n-grams with words not in " + symbols
          + " or invalid <s>/</s> placement.");
    }
    FstFiles.write(g.fst(), out, "vector");
    log("G has " + g.fst().numStates() + " states and " + g.fst().totalArcs() + " arcs.");
    return 0;
  }
}
