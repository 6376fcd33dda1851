package org.asrdistill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.decoder.graph.GrammarFst;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.hmm.phones.SymbolTableText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "make-grammar",
    header = "Writes a word grammar G.fst: strings of --min-words..--max-words words of a list (each word equally "
        + "likely), or with --max-words=0 a free word loop.",
    customSynopsis = "Usage: make-grammar [options] <words.txt> <word-list> <G.fst-out>",
    footer = {"<word-list> holds the grammar's words, whitespace-separated (e.g. the eleven digit words).",
        "e.g.: make-grammar --min-words=1 --max-words=7 data/lang/words.txt conf/digits.txt data/lang/G.fst",
        "See also: make-lm, arpa2fst, make-graph"})
public final class MakeGrammar extends KaldiTool {
  @Option(names = "--min-words", description = "Fewest words in a string. Default: ${DEFAULT-VALUE}")
  int minWords = 1;

  @Option(names = "--max-words", description = "Most words in a string (0: a word loop). Default: ${DEFAULT-VALUE}")
  int maxWords = 0;

  @Parameters(index = "0", paramLabel = "<words.txt>")
  String wordsTxt;

  @Parameters(index = "1", paramLabel = "<word-list>")
  Path wordList;

  @Parameters(index = "2", paramLabel = "<G.fst-out>")
  String out;

  @Override
  protected int run() throws Exception {
    List<String> byId = SymbolTableText.readById(wordsTxt);
    List<Integer> ids = new ArrayList<>();
    for (String w : Files.readString(wordList).trim().split("\\s+")) {
      int id = byId.indexOf(w);
      if (w.isEmpty()) {
        continue;
      }
      if (id <= 0) {
        throw new IllegalArgumentException("word '" + w + "' of " + wordList + " is not in " + wordsTxt);
      }
      ids.add(id);
    }
    int[] words = ids.stream().mapToInt(Integer::intValue).toArray();
    VectorFst g = maxWords == 0 ? GrammarFst.wordLoop(words, null) : GrammarFst.wordStrings(words, minWords, maxWords);
    FstFiles.write(g, out, "vector");
    log("Wrote G with " + g.numStates() + " states over " + words.length + " words to " + out);
    return 0;
  }
}
