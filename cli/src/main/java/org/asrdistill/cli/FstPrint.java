package org.asrdistill.cli;

import java.nio.file.Path;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.SymbolTable;
import org.asrdistill.fst.io.AttText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fstprint",
    header = "Prints a binary FST in OpenFst's text (AT&T) format (OpenFst's fstprint).",
    customSynopsis = "Usage: fstprint [--isymbols=f] [--osymbols=f] [--numeric] [--acceptor] [--show_weight_one] "
        + "[in.fst [out.txt]]",
    footer = {"e.g.: fstprint --isymbols=phones.txt --osymbols=words.txt L.fst", "See also: fstcompile, fstinfo"})
public final class FstPrint extends KaldiTool {
  @Option(names = "--isymbols", description = "Input label symbol table (default: the FST's own)")
  String isymbols;

  @Option(names = "--osymbols", description = "Output label symbol table (default: the FST's own)")
  String osymbols;

  @Option(names = "--numeric", arity = "0..1", fallbackValue = "true",
      description = "Print numeric labels, ignoring the FST's symbol tables. Default: ${DEFAULT-VALUE}")
  boolean numeric;

  @Option(names = "--acceptor", arity = "0..1", fallbackValue = "true",
      description = "Print one label per arc if the FST is an acceptor. Default: ${DEFAULT-VALUE}")
  boolean acceptor;

  @Option(names = "--show_weight_one", arity = "0..1", fallbackValue = "true",
      description = "Print weights equal to one. Default: ${DEFAULT-VALUE}")
  boolean showWeightOne;

  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "out.txt")
  String out;

  @Override
  protected int run() throws Exception {
    Fst fst = FstFiles.read(in);
    SymbolTable isyms = isymbols != null ? SymbolTable.readText(Path.of(isymbols))
        : numeric ? null : fst.inputSymbols();
    SymbolTable osyms = osymbols != null ? SymbolTable.readText(Path.of(osymbols))
        : numeric ? null : fst.outputSymbols();
    try (FstFiles.TextOut o = new FstFiles.TextOut(out)) {
      AttText.print(fst, o.writer, new AttText.PrintOptions(isyms, osyms, acceptor, showWeightOne));
      o.commit();
    }
    return 0;
  }
}
