package org.asrdistill.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.asrdistill.decoder.lm.ArpaModel;
import org.asrdistill.decoder.lm.KneserNey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "make-lm",
    header = "Estimates an interpolated modified Kneser-Ney n-gram LM from text and writes it in ARPA form.",
    customSynopsis = "Usage: make-lm [options] <text> <arpa-out>",
    footer = {"<text> has one sentence per line (with --skip-first-field, Kaldi's 'utt-id words...' text file).",
        "With --vocab (a word list or words.txt; <eps>, #0, <s>, </s> are ignored) the vocabulary is closed and",
        "other words become <unk>. '-' as <arpa-out> writes to standard output.",
        "e.g.: make-lm --order=3 --vocab=data/lang/words.txt data/local/lm_train_text.txt data/local/lm.arpa",
        "See also: arpa2fst, make-lang, make-graph"})
public final class MakeLm extends KaldiTool {
  @Option(names = "--order", description = "N-gram order (1-6). Default: ${DEFAULT-VALUE}")
  int order = 3;

  @Option(names = "--vocab", description = "Closed vocabulary file (first field of each line).")
  String vocab;

  @Option(names = "--skip-first-field", arity = "0..1", fallbackValue = "true",
      description = "Drop the first field of each line (utterance id). Default: ${DEFAULT-VALUE}")
  boolean skipFirst = false;

  @Parameters(index = "0", paramLabel = "<text>")
  String text;

  @Parameters(index = "1", paramLabel = "<arpa-out>")
  String out;

  @Override
  protected int run() throws Exception {
    Set<String> v = vocab == null ? null : readVocab(Path.of(vocab));
    List<List<String>> sentences = new ArrayList<>();
    long tokens = 0;
    try (BufferedReader r = Files.newBufferedReader(Path.of(text), StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.trim();
        List<String> words = t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
        if (skipFirst && !words.isEmpty()) {
          words = words.subList(1, words.size());
        }
        sentences.add(words);
        tokens += words.size();
      }
    }
    ArpaModel lm = KneserNey.estimate(sentences, new KneserNey.Options(order, v));
    try (FstFiles.TextOut o = new FstFiles.TextOut(out)) {
      lm.write(o.writer);
      o.commit();
    }
    StringBuilder sb = new StringBuilder();
    for (int n = 1; n <= lm.order(); n++) {
      sb.append(n == 1 ? "" : ", ").append(lm.ngrams(n).size()).append(' ').append(n).append("-grams");
    }
    log("Read " + sentences.size() + " sentences (" + tokens + " words); wrote " + sb + ".");
    return 0;
  }

  private static Set<String> readVocab(Path p) throws IOException {
    Set<String> v = new HashSet<>();
    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      String t = line.trim();
      if (t.isEmpty()) {
        continue;
      }
      String w = t.split("\\s+")[0];
      if (!w.equals("<eps>") && !w.startsWith("#") && !w.equals("<s>") && !w.equals("</s>")) {
        v.add(w);
      }
    }
    return v;
  }
}
