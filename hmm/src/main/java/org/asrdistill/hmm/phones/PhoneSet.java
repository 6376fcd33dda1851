package org.asrdistill.hmm.phones;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asrdistill.hmm.topology.HmmTopology;

/**
 * The phone inventory of a Kaldi {@code data/lang} directory, derived exactly as {@code utils/prepare_lang.sh}
 * derives it from a dictionary directory's {@code silence_phones.txt}, {@code nonsilence_phones.txt},
 * {@code optional_silence.txt} and {@code extra_questions.txt}: word-position-dependent variants
 * ({@code _B _E _I _S}, and for silence also the bare phone), {@code phones.txt} numbering ({@code <eps>} 0,
 * silence phones, non-silence phones, then {@code #0 .. #ndisambig}), and the {@code phones/} sets. Immutable.
 */
public final class PhoneSet {
  /** prepare_lang.sh's options that affect the phone set. */
  public record Options(boolean positionDependentPhones, boolean shareSilencePhones) {
    public static Options defaults() {
      return new Options(true, false);
    }
  }

  /** A line of {@code phones/roots.txt}. */
  public record Root(boolean shared, boolean split, List<String> phones) {
    public Root {
      phones = List.copyOf(phones);
    }
  }

  private static final String[] POSITIONS = {"_B", "_E", "_I", "_S"};

  private final Options options;
  private final List<String> symbols; // index = id
  private final Map<String, Integer> ids;
  private final List<String> silence;
  private final List<String> nonsilence;
  private final String optionalSilence;
  private final List<String> disambig;
  private final List<List<String>> sets;
  private final List<Root> roots;
  private final List<String> extraQuestionLines; // exact text lines (prepare_lang leaves trailing spaces)

  private PhoneSet(Options options, List<String> silence, List<String> nonsilence, String optionalSilence,
      List<String> disambig, List<List<String>> sets, List<Root> roots, List<String> extraQuestionLines) {
    this.options = options;
    this.silence = List.copyOf(silence);
    this.nonsilence = List.copyOf(nonsilence);
    this.optionalSilence = optionalSilence;
    this.disambig = List.copyOf(disambig);
    this.sets = sets.stream().map(List::copyOf).toList();
    this.roots = List.copyOf(roots);
    this.extraQuestionLines = List.copyOf(extraQuestionLines);
    List<String> syms = new ArrayList<>();
    syms.add("<eps>");
    syms.addAll(silence);
    syms.addAll(nonsilence);
    syms.addAll(disambig);
    this.symbols = List.copyOf(syms);
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < syms.size(); i++) {
      if (m.put(syms.get(i), i) != null) {
        throw new IllegalArgumentException("phone '" + syms.get(i) + "' occurs more than once");
      }
    }
    this.ids = Collections.unmodifiableMap(m);
  }

  /**
   * Builds the phone set.
   *
   * @param silenceLines lines of silence_phones.txt (each line: variants of one base phone)
   * @param nonsilenceLines lines of nonsilence_phones.txt
   * @param optionalSilence the phone of optional_silence.txt (a silence phone)
   * @param extraQuestions lines of extra_questions.txt (may be empty)
   * @param numDisambig the highest disambiguation symbol: add_lex_disambig.pl's result plus the extra phone
   *     disambiguation symbols (1 by default); symbols {@code #0..#numDisambig} are made (see
   *     {@link LexiconDisambiguation})
   */
  public static PhoneSet create(List<List<String>> silenceLines, List<List<String>> nonsilenceLines,
      String optionalSilence, List<List<String>> extraQuestions, int numDisambig, Options options) {
    if (silenceLines.isEmpty() || nonsilenceLines.isEmpty()) {
      throw new IllegalArgumentException("silence and non-silence phone lists must be non-empty");
    }
    if (numDisambig < 0) {
      throw new IllegalArgumentException("numDisambig must be >= 0; got: " + numDisambig);
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (List<String> line : silenceLines) {
      for (String x : line) {
        checkPhone(x);
        List<String> v = new ArrayList<>();
        v.add(x);
        if (options.positionDependentPhones()) {
          for (String s : POSITIONS) {
            v.add(x + s);
          }
        }
        map.put(x, v);
      }
    }
    for (List<String> line : nonsilenceLines) {
      for (String x : line) {
        checkPhone(x);
        List<String> v = new ArrayList<>();
        if (options.positionDependentPhones()) {
          for (String s : POSITIONS) {
            v.add(x + s);
          }
        } else {
          v.add(x);
        }
        if (map.put(x, v) != null) {
          throw new IllegalArgumentException("phone '" + x + "' is both silence and non-silence");
        }
      }
    }
    if (!silenceLines.stream().anyMatch(l -> l.contains(optionalSilence))) {
      throw new IllegalArgumentException("optional silence '" + optionalSilence + "' is not a silence phone");
    }
    List<List<String>> sets = new ArrayList<>();
    List<Root> roots = new ArrayList<>();
    if (options.shareSilencePhones()) {
      List<String> all = new ArrayList<>();
      silenceLines.forEach(all::addAll);
      sets.add(apply(map, all));
      roots.add(new Root(false, false, sets.get(0)));
    } else {
      for (List<String> l : silenceLines) {
        sets.add(apply(map, l));
        roots.add(new Root(true, true, sets.get(sets.size() - 1)));
      }
    }
    for (List<String> l : nonsilenceLines) {
      sets.add(apply(map, l));
      roots.add(new Root(true, true, sets.get(sets.size() - 1)));
    }
    List<String> sil = new ArrayList<>();
    silenceLines.forEach(l -> sil.addAll(apply(map, l)));
    List<String> nonsil = new ArrayList<>();
    nonsilenceLines.forEach(l -> nonsil.addAll(apply(map, l)));
    List<String> eq = new ArrayList<>();
    for (List<String> l : extraQuestions) {
      eq.add(String.join(" ", apply(map, l)));
    }
    if (options.positionDependentPhones()) {
      for (String s : POSITIONS) {
        StringBuilder sb = new StringBuilder();
        nonsilenceLines.forEach(l -> l.forEach(x -> sb.append(x).append(s).append(' ')));
        eq.add(sb.toString());
      }
      for (String s : new String[] {"", "_B", "_E", "_I", "_S"}) {
        StringBuilder sb = new StringBuilder();
        silenceLines.forEach(l -> l.forEach(x -> sb.append(x).append(s).append(' ')));
        eq.add(sb.toString());
      }
    }
    List<String> dis = new ArrayList<>();
    for (int i = 0; i <= numDisambig; i++) {
      dis.add("#" + i);
    }
    return new PhoneSet(options, sil, nonsil, optionalSilence, dis, sets, roots, eq);
  }

  private static void checkPhone(String x) {
    if (x.isEmpty() || x.chars().anyMatch(Character::isWhitespace) || x.startsWith("#") || x.equals("<eps>")) {
      throw new IllegalArgumentException("invalid phone name '" + x + "'");
    }
  }

  private static List<String> apply(Map<String, List<String>> map, List<String> line) {
    List<String> out = new ArrayList<>();
    for (String x : line) {
      List<String> v = map.get(x);
      if (v == null) {
        throw new IllegalArgumentException("undefined phone '" + x + "'");
      }
      out.addAll(v);
    }
    return out;
  }

  /** Symbols by id ({@code phones.txt}); index 0 is {@code <eps>}. */
  public List<String> symbols() {
    return symbols;
  }

  /** Id of a symbol. */
  public int id(String symbol) {
    Integer i = ids.get(symbol);
    if (i == null) {
      throw new IllegalArgumentException("unknown phone symbol '" + symbol + "'");
    }
    return i;
  }

  public Options options() {
    return options;
  }

  public List<String> silence() {
    return silence;
  }

  public List<String> nonsilence() {
    return nonsilence;
  }

  public String optionalSilence() {
    return optionalSilence;
  }

  public List<String> disambig() {
    return disambig;
  }

  /** Context-independent phones (prepare_lang: the silence phones). */
  public List<String> contextIndep() {
    return silence;
  }

  public List<List<String>> sets() {
    return sets;
  }

  public List<Root> roots() {
    return roots;
  }

  /** Extra questions, each as a list of phones. */
  public List<List<String>> extraQuestions() {
    return extraQuestionLines.stream().map(l -> List.of(l.trim().split("\\s+"))).toList();
  }

  /** Ids of {@code phones}. */
  public int[] ids(List<String> phones) {
    return phones.stream().mapToInt(this::id).toArray();
  }

  /** Ids of the phone sets ({@code phones/sets.int}), e.g. for gmm-init-mono --shared-phones. */
  public List<int[]> setIds() {
    return sets.stream().map(this::ids).toList();
  }

  /** Word-boundary class of a phone: begin, end, internal, singleton or nonword (phones/word_boundary.txt). */
  public static String wordBoundary(String phone) {
    if (phone.endsWith("_I")) {
      return "internal";
    } else if (phone.endsWith("_B")) {
      return "begin";
    } else if (phone.endsWith("_S")) {
      return "singleton";
    } else if (phone.endsWith("_E")) {
      return "end";
    }
    return "nonword";
  }

  /** The topology prepare_lang.sh writes ({@code utils/gen_topo.pl} with these phones). */
  public HmmTopology topology(int numNonsilStates, int numSilStates) {
    return HmmTopology.generate(numNonsilStates, numSilStates, ids(nonsilence), ids(silence));
  }

  /** The text of {@code topo} as prepare_lang.sh writes it. */
  public String topologyText(int numNonsilStates, int numSilStates) {
    return HmmTopology.genTopoText(numNonsilStates, numSilStates, ids(nonsilence), ids(silence));
  }

  /**
   * Writes {@code phones.txt}, {@code topo} and the {@code phones/} files prepare_lang.sh makes from the phone
   * set (silence, nonsilence, optional_silence, disambig, context_indep as .txt/.int/.csl; sets, roots,
   * extra_questions, word_boundary as .txt/.int; wdisambig.txt, wdisambig_phones.int). Files that need the
   * lexicon or word list (L.fst, words.txt, align_lexicon) are not written. Each file appears complete.
   */
  public void writeLangPhones(Path langDir, int numNonsilStates, int numSilStates) throws IOException {
    Path ph = langDir.resolve("phones");
    Files.createDirectories(ph);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < symbols.size(); i++) {
      sb.append(symbols.get(i)).append(' ').append(i).append('\n');
    }
    write(langDir.resolve("phones.txt"), sb.toString());
    Map<String, List<String>> lists = new LinkedHashMap<>();
    lists.put("silence", silence);
    lists.put("nonsilence", nonsilence);
    lists.put("optional_silence", List.of(optionalSilence));
    lists.put("disambig", disambig);
    lists.put("context_indep", silence);
    for (Map.Entry<String, List<String>> e : lists.entrySet()) {
      write(ph.resolve(e.getKey() + ".txt"), lines(e.getValue()));
      int[] ints = ids(e.getValue());
      StringBuilder i1 = new StringBuilder();
      StringBuilder csl = new StringBuilder();
      for (int k = 0; k < ints.length; k++) {
        i1.append(ints[k]).append('\n');
        csl.append(k == 0 ? "" : ":").append(ints[k]);
      }
      write(ph.resolve(e.getKey() + ".int"), i1.toString());
      write(ph.resolve(e.getKey() + ".csl"), csl.append('\n').toString());
    }
    StringBuilder setsTxt = new StringBuilder();
    StringBuilder setsInt = new StringBuilder();
    for (List<String> s : sets) {
      setsTxt.append(String.join(" ", s)).append('\n');
      setsInt.append(joinInts(ids(s))).append('\n');
    }
    write(ph.resolve("sets.txt"), setsTxt.toString());
    write(ph.resolve("sets.int"), setsInt.toString());
    StringBuilder rootsTxt = new StringBuilder();
    StringBuilder rootsInt = new StringBuilder();
    for (Root r : roots) {
      String head = (r.shared() ? "shared" : "not-shared") + " " + (r.split() ? "split" : "not-split");
      rootsTxt.append(head).append(' ').append(String.join(" ", r.phones())).append('\n');
      rootsInt.append(head).append(' ').append(joinInts(ids(r.phones()))).append('\n');
    }
    write(ph.resolve("roots.txt"), rootsTxt.toString());
    write(ph.resolve("roots.int"), rootsInt.toString());
    StringBuilder eqTxt = new StringBuilder();
    StringBuilder eqInt = new StringBuilder();
    for (String line : extraQuestionLines) {
      eqTxt.append(line).append('\n');
      eqInt.append(line.isBlank() ? "" : joinInts(ids(List.of(line.trim().split("\\s+"))))).append('\n');
    }
    write(ph.resolve("extra_questions.txt"), eqTxt.toString());
    write(ph.resolve("extra_questions.int"), eqInt.toString());
    if (options.positionDependentPhones()) {
      StringBuilder wb = new StringBuilder();
      StringBuilder wbi = new StringBuilder();
      for (String p : symbols.subList(1, 1 + silence.size() + nonsilence.size())) {
        wb.append(p).append(' ').append(wordBoundary(p)).append('\n');
        wbi.append(id(p)).append(' ').append(wordBoundary(p)).append('\n');
      }
      write(ph.resolve("word_boundary.txt"), wb.toString());
      write(ph.resolve("word_boundary.int"), wbi.toString());
    }
    write(ph.resolve("wdisambig.txt"), "#0\n");
    write(ph.resolve("wdisambig_phones.int"), id("#0") + "\n");
    write(langDir.resolve("topo"), topologyText(numNonsilStates, numSilStates));
  }

  private static String lines(List<String> l) {
    StringBuilder sb = new StringBuilder();
    l.forEach(x -> sb.append(x).append('\n'));
    return sb.toString();
  }

  private static String joinInts(int[] a) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      sb.append(i == 0 ? "" : " ").append(a[i]);
    }
    return sb.toString();
  }

  private static void write(Path file, String text) throws IOException {
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
