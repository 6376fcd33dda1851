package org.asrdistill.decoder.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.asrdistill.fst.VectorFst;
import org.asrdistill.fst.io.OpenFstBinary;
import org.asrdistill.hmm.phones.LexiconDisambiguation;
import org.asrdistill.hmm.phones.PhoneSet;

/**
 * Writes a Kaldi {@code data/lang} directory from a dictionary as {@code utils/prepare_lang.sh}: phones.txt,
 * words.txt ({@code <eps>} 0, the words in C order, then {@code #0 <s> </s>}), oov.txt/int, topo, phones/, L.fst
 * and L_disambig.fst (OpenFst binary, vector type, output-label sorted).
 */
public final class LangDir {
  /** prepare_lang.sh options. */
  public record Options(boolean positionDependentPhones, boolean shareSilencePhones, double silProb,
      int numSilStates, int numNonsilStates, int numExtraPhoneDisambigSyms) {
    public Options {
      if (!(silProb >= 0 && silProb < 1)) {
        throw new IllegalArgumentException("silProb must be in [0, 1); got: " + silProb);
      }
      if (numSilStates < 1 || numNonsilStates < 1) {
        throw new IllegalArgumentException("numbers of HMM states must be >= 1; got: " + numSilStates + ", "
            + numNonsilStates);
      }
      if (numExtraPhoneDisambigSyms < 1) {
        throw new IllegalArgumentException("numExtraPhoneDisambigSyms must be >= 1; got: "
            + numExtraPhoneDisambigSyms);
      }
    }

    public static Options defaults() {
      return new Options(true, false, 0.5, 5, 3, 1);
    }
  }

  /**
   * A dictionary directory's contents ({@code data/local/dict}): the lexicon, silence_phones.txt and
   * nonsilence_phones.txt lines, optional_silence.txt and extra_questions.txt.
   */
  public record Dict(Lexicon lexicon, List<List<String>> silence, List<List<String>> nonsilence,
      String optionalSilence, List<List<String>> extraQuestions) {

    /**
     * Reads a dictionary directory; or, if {@code source} is a lexicon file, makes one: silence phones are
     * {@code defaultSilence} (the first is the optional silence) and every other lexicon phone is a
     * non-silence phone on its own line, in C order. Files missing from a directory are derived the same way.
     */
    public static Dict read(Path source, List<String> defaultSilence) throws IOException {
      Lexicon lex;
      List<List<String>> sil = null;
      List<List<String>> nonsil = null;
      String opt = null;
      List<List<String>> extra = List.of();
      if (Files.isDirectory(source)) {
        Path lp = source.resolve("lexiconp.txt");
        lex = Files.exists(lp) ? Lexicon.read(lp, true) : Lexicon.read(source.resolve("lexicon.txt"), false);
        if (Files.exists(source.resolve("silence_phones.txt"))) {
          sil = readLines(source.resolve("silence_phones.txt"));
        }
        if (Files.exists(source.resolve("nonsilence_phones.txt"))) {
          nonsil = readLines(source.resolve("nonsilence_phones.txt"));
        }
        if (Files.exists(source.resolve("optional_silence.txt"))) {
          opt = readLines(source.resolve("optional_silence.txt")).get(0).get(0);
        }
        if (Files.exists(source.resolve("extra_questions.txt"))) {
          extra = readLines(source.resolve("extra_questions.txt"));
        }
      } else {
        lex = Lexicon.read(source, source.getFileName().toString().startsWith("lexiconp"));
      }
      if (sil == null) {
        if (defaultSilence.isEmpty()) {
          throw new IllegalArgumentException("no silence phones given");
        }
        sil = defaultSilence.stream().map(List::of).toList();
      }
      if (opt == null) {
        opt = sil.get(0).get(0);
      }
      if (nonsil == null) {
        Set<String> s = new LinkedHashSet<>();
        sil.forEach(s::addAll);
        nonsil = lex.phones().stream().filter(p -> !s.contains(p)).map(List::of).toList();
      }
      return new Dict(lex, sil, nonsil, opt, extra);
    }

    private static List<List<String>> readLines(Path p) throws IOException {
      List<List<String>> out = new ArrayList<>();
      try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isBlank()) {
            out.add(List.of(line.trim().split("\\s+")));
          }
        }
      }
      return out;
    }
  }

  /** What {@link #write} made: the phone set, word list (index = id), and the two lexicon FSTs. */
  public record Result(PhoneSet phones, List<String> words, VectorFst lexiconFst, VectorFst lexiconDisambigFst) {
  }

  private LangDir() {
  }

  /**
   * Builds the lang directory {@code langDir} from {@code dict}. The OOV word must have a pronunciation; if it
   * has none, it is added with the optional-silence phone (Kaldi's usual {@code <UNK> SIL}-style entry).
   */
  public static Result write(Dict dict, String oovWord, Path langDir, Options opt) throws IOException {
    Lexicon lex = dict.lexicon();
    if (!lex.contains(oovWord)) {
      lex = lex.plus(new Lexicon.Entry(oovWord, 1.0, List.of(dict.optionalSilence())));
    }
    List<List<String>> marked = new ArrayList<>();
    for (Lexicon.Entry e : lex.entries()) {
      marked.add(opt.positionDependentPhones() && !e.phones().isEmpty()
          ? LexiconDisambiguation.markPositions(e.phones()) : e.phones());
    }
    LexiconDisambiguation.Result dis = LexiconDisambiguation.addDisambig(marked, 1);
    int ndisambig = dis.maxDisambig() + opt.numExtraPhoneDisambigSyms();
    PhoneSet phones = PhoneSet.create(dict.silence(), dict.nonsilence(), dict.optionalSilence(),
        dict.extraQuestions(), ndisambig, new PhoneSet.Options(opt.positionDependentPhones(),
            opt.shareSilencePhones()));
    List<String> words = new ArrayList<>();
    words.add("<eps>");
    words.addAll(lex.sortedWords());
    for (String w : List.of("#0", "<s>", "</s>")) {
      if (words.contains(w)) {
        throw new IllegalArgumentException("the lexicon must not contain the reserved word '" + w + "'");
      }
      words.add(w);
    }
    Map<String, Integer> wordId = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      wordId.put(words.get(i), i);
    }
    List<LexiconFst.Pron> plain = new ArrayList<>();
    List<LexiconFst.Pron> disambig = new ArrayList<>();
    for (int i = 0; i < marked.size(); i++) {
      Lexicon.Entry e = lex.entries().get(i);
      int w = wordId.get(e.word());
      plain.add(new LexiconFst.Pron(w, e.prob(), phones.ids(marked.get(i))));
      disambig.add(new LexiconFst.Pron(w, e.prob(), phones.ids(dis.prons().get(i))));
    }
    int silPhone = phones.id(dict.optionalSilence());
    VectorFst l = LexiconFst.build(plain, opt.silProb(), silPhone, 0);
    VectorFst ld = LexiconFst.build(disambig, opt.silProb(), silPhone, phones.id("#" + ndisambig));
    LexiconFst.addDisambigSelfLoops(ld, phones.id("#0"), wordId.get("#0"));

    Files.createDirectories(langDir);
    phones.writeLangPhones(langDir, opt.numNonsilStates(), opt.numSilStates());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      sb.append(words.get(i)).append(' ').append(i).append('\n');
    }
    writeText(langDir.resolve("words.txt"), sb.toString());
    writeText(langDir.resolve("oov.txt"), oovWord + "\n");
    writeText(langDir.resolve("oov.int"), wordId.get(oovWord) + "\n");
    writeAlignLexicon(langDir, lex, marked, phones, wordId, opt.silProb() > 0 ? dict.optionalSilence() : null);
    OpenFstBinary.write(l, langDir.resolve("L.fst"), "vector");
    OpenFstBinary.write(ld, langDir.resolve("L_disambig.fst"), "vector");
    return new Result(phones, List.copyOf(words), l, ld);
  }

  private static void writeAlignLexicon(Path langDir, Lexicon lex, List<List<String>> marked, PhoneSet phones,
      Map<String, Integer> wordId, String silPhone) throws IOException {
    TreeSet<String> lines = new TreeSet<>(Lexicon::compareBytes);
    if (silPhone != null) {
      lines.add("<eps> <eps> " + silPhone);
    }
    for (int i = 0; i < marked.size(); i++) {
      String w = lex.entries().get(i).word();
      lines.add(w + " " + w + (marked.get(i).isEmpty() ? "" : " " + String.join(" ", marked.get(i))));
    }
    StringBuilder txt = new StringBuilder();
    StringBuilder ints = new StringBuilder();
    for (String line : lines) {
      txt.append(line).append('\n');
      String[] f = line.split(" ");
      int w = f[0].equals("<eps>") ? 0 : wordId.get(f[0]);
      ints.append(w).append(' ').append(w);
      for (int k = 2; k < f.length; k++) {
        ints.append(' ').append(phones.id(f[k]));
      }
      ints.append('\n');
    }
    writeText(langDir.resolve("phones").resolve("align_lexicon.txt"), txt.toString());
    writeText(langDir.resolve("phones").resolve("align_lexicon.int"), ints.toString());
  }

  static void writeText(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp." + ProcessHandle.current().pid());
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(text);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
