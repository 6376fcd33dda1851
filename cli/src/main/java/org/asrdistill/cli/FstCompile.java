package org.asrdistill.cli;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.SymbolTable;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.io.AttText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fstcompile",
    header = "Compiles an FST from OpenFst's text (AT&T) format to its binary format (OpenFst's fstcompile).",
    customSynopsis = "Usage: fstcompile [--isymbols=f] [--osymbols=f] [--keep_isymbols] [--keep_osymbols] "
        + "[--acceptor] [--arc_type=standard|log] [--fst_type=vector|const] [in.txt [out.fst]]",
    footer = {"e.g.: fstcompile --isymbols=phones.txt --osymbols=words.txt --keep_isymbols --keep_osymbols "
        + "L.txt L.fst", "See also: fstprint, fstinfo"})
public final class FstCompile extends KaldiTool {
  @Option(names = "--isymbols", description = "Input label symbol table")
  String isymbols;

  @Option(names = "--osymbols", description = "Output label symbol table")
  String osymbols;

  @Option(names = "--keep_isymbols", arity = "0..1", fallbackValue = "true",
      description = "Store the input symbol table in the FST. Default: ${DEFAULT-VALUE}")
  boolean keepIsymbols;

  @Option(names = "--keep_osymbols", arity = "0..1", fallbackValue = "true",
      description = "Store the output symbol table in the FST. Default: ${DEFAULT-VALUE}")
  boolean keepOsymbols;

  @Option(names = "--keep_state_numbering", arity = "0..1", fallbackValue = "true",
      description = "Do not renumber states in order of appearance. Default: ${DEFAULT-VALUE}")
  boolean keepStateNumbering;

  @Option(names = "--acceptor", arity = "0..1", fallbackValue = "true",
      description = "Input is an acceptor (one label per arc). Default: ${DEFAULT-VALUE}")
  boolean acceptor;

  @Option(names = "--arc_type", description = "standard or log. Default: ${DEFAULT-VALUE}")
  String arcType = "standard";

  @Option(names = "--fst_type", description = "vector or const. Default: ${DEFAULT-VALUE}")
  String fstType = "vector";

  @Parameters(index = "0", arity = "0..1", paramLabel = "in.txt")
  String in;

  @Parameters(index = "1", arity = "0..1", paramLabel = "out.fst")
  String out;

  @Override
  protected int run() throws Exception {
    SymbolTable isyms = isymbols == null ? null : SymbolTable.readText(Path.of(isymbols));
    SymbolTable osyms = osymbols == null ? null : SymbolTable.readText(Path.of(osymbols));
    VectorFst fst;
    try (Reader r = FstFiles.isStd(in) ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
        : Files.newBufferedReader(Path.of(in), StandardCharsets.UTF_8)) {
      fst = AttText.compile(r, FstFiles.isStd(in) ? "standard input" : in, Semiring.ofArcType(arcType),
          new AttText.CompileOptions(isyms, osyms, acceptor, keepStateNumbering));
    }
    if (!keepIsymbols) {
      fst.setInputSymbols(null);
    }
    if (!keepOsymbols) {
      fst.setOutputSymbols(null);
    }
    FstFiles.write(fst, out, fstType);
    return 0;
  }
}
