package org.asrdistill.recipes.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.asrdistill.kaldiio.datadir.DataDir;
import org.asrdistill.kaldiio.datadir.ValidationOptions;
import org.asrdistill.kaldiio.table.Keys;
import org.asrdistill.recipes.synth.Speaker.Assigned;
import org.asrdistill.recipes.synth.Speaker.Split;

/**
 * Builds a synthetic corpus: plans speakers and transcripts from the seed, synthesises the audio in
 * parallel (resuming: finished WAVs are kept), then writes Kaldi data directories {@code train}, {@code
 * dev}, {@code test} (wav.scp, text, utt2spk, spk2utt, utt2dur), the lexicon and LM training text under
 * {@code local/}, and {@code summary.txt}.
 */
public final class CorpusBuilder {
  private static final int BATCH = 25;

  private final CorpusOptions opts;
  private final Consumer<String> log;

  public CorpusBuilder(CorpusOptions opts, Consumer<String> log) {
    this.opts = opts;
    this.log = log;
  }

  /** An utterance of the plan. */
  record Utt(String id, Assigned speaker, List<String> words) {
  }

  /** Runs everything; returns the summary text. */
  public String build() throws IOException, InterruptedException {
    List<Voice> voices = Voice.builtIn();
    Set<String> pkgs = new HashSet<>(List.of("sox", "pocketsphinx-en-us"));
    voices.forEach(v -> pkgs.addAll(v.packages()));
    if (opts.kind() == CorpusOptions.Kind.SENTENCES) {
      pkgs.add("fortunes");
    }
    DebianPackages.ensure(pkgs, log);

    Map<String, List<List<String>>> cmudict = TextSources.readCmudict(TextSources.CMUDICT);
    List<Assigned> speakers = Speaker.plan(voices, opts.speakersPerVoice(), opts.seed());
    List<Utt> utts = plan(speakers, cmudict);
    log.accept(String.format(Locale.ROOT, "Planned %d utterances from %d speakers of %d voices", utts.size(),
        speakers.size(), voices.size()));

    Path wavRoot = Files.createDirectories(opts.out().resolve("wav"));
    Map<String, Long> samples = synthesise(utts, wavRoot);
    writeDataDirs(utts, samples, wavRoot);
    for (Split split : Split.values()) {
      // Throws, listing every problem, if a data dir is not valid (audio opened and parsed).
      DataDir.load(opts.out().resolve(split.dirName()), ValidationOptions.defaults().withNoFeats(true));
    }
    log.accept("Validated data dirs train, dev and test");
    writeLocal(utts, cmudict);
    String summary = summary(utts, samples);
    writeAtomically(opts.out().resolve("summary.txt"), summary);
    return summary;
  }

  List<Utt> plan(List<Assigned> speakers, Map<String, List<List<String>>> cmudict) throws IOException {
    Random rnd = new Random(opts.seed() * 7919 + 17);
    Map<Split, List<Assigned>> bySplit = new EnumMap<>(Split.class);
    for (Assigned a : speakers) {
      bySplit.computeIfAbsent(a.split(), k -> new ArrayList<>()).add(a);
    }
    Map<Split, List<List<String>>> texts = new EnumMap<>(Split.class);
    if (opts.kind() == CorpusOptions.Kind.DIGITS) {
      texts.put(Split.TRAIN, digitTexts(rnd, opts.numTrain()));
      texts.put(Split.DEV, digitTexts(rnd, opts.numDev()));
      texts.put(Split.TEST, digitTexts(rnd, opts.numTest()));
    } else {
      List<List<String>> pool = TextSources.fortuneSentences(TextSources.FORTUNES, cmudict.keySet(), 3, 16,
          opts.seed());
      int need = opts.numDev() + opts.numTest();
      if (pool.size() < need + 100) {
        throw new IOException("only " + pool.size() + " usable fortune sentences; need more than " + need);
      }
      texts.put(Split.DEV, new ArrayList<>(pool.subList(0, opts.numDev())));
      texts.put(Split.TEST, new ArrayList<>(pool.subList(opts.numDev(), need)));
      List<List<String>> train = new ArrayList<>();
      double seconds = 0;
      double target = opts.trainHours() * 3600;
      for (List<String> s : pool.subList(need, pool.size())) {
        if (opts.numTrain() > 0 ? train.size() >= opts.numTrain() : seconds >= target) {
          break;
        }
        train.add(s);
        seconds += 0.32 + 0.295 * s.size(); // mean speaking time measured on the default corpus
      }
      texts.put(Split.TRAIN, train);
    }
    List<Utt> out = new ArrayList<>();
    for (Split split : Split.values()) {
      List<Assigned> spk = bySplit.get(split);
      List<List<String>> t = texts.get(split);
      Map<String, Integer> perSpeaker = new TreeMap<>();
      for (int i = 0; i < t.size(); i++) {
        Assigned a = spk.get(i % spk.size());
        int n = perSpeaker.merge(a.speaker().id(), 1, Integer::sum);
        out.add(new Utt(String.format(Locale.ROOT, "%s-%05d", a.speaker().id(), n), a, t.get(i)));
      }
    }
    return out;
  }

  private static List<List<String>> digitTexts(Random rnd, int n) {
    List<List<String>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(TextSources.digitString(rnd, 7));
    }
    return out;
  }

  private Map<String, Long> synthesise(List<Utt> utts, Path wavRoot) throws IOException, InterruptedException {
    Synthesizer synth = new Synthesizer(opts.out().resolve("tmp-synth"));
    Map<String, List<Utt>> byVoice = new LinkedHashMap<>();
    for (Utt u : utts) {
      byVoice.computeIfAbsent(u.speaker().speaker().voice().id(), k -> new ArrayList<>()).add(u);
    }
    List<List<Utt>> batches = new ArrayList<>();
    for (List<Utt> l : byVoice.values()) {
      for (int i = 0; i < l.size(); i += BATCH) {
        batches.add(l.subList(i, Math.min(l.size(), i + BATCH)));
      }
    }
    Map<String, Long> samples = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicInteger done = new AtomicInteger();
    int total = utts.size();
    int step = Math.max(1, total / 20);
    ExecutorService pool = Executors.newFixedThreadPool(opts.numThreads());
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (List<Utt> b : batches) {
        fs.add(pool.submit(() -> {
          List<Synthesizer.Job> jobs = new ArrayList<>();
          for (Utt u : b) {
            Path dir = Files.createDirectories(wavRoot.resolve(u.speaker().speaker().id()));
            jobs.add(new Synthesizer.Job(u.id(), u.speaker().speaker(), u.words(), dir.resolve(u.id() + ".wav"),
                opts.seed() * 1_000_003L + u.id().hashCode()));
          }
          long[] n = synth.run(jobs);
          for (int i = 0; i < b.size(); i++) {
            samples.put(b.get(i).id(), n[i]);
            int d = done.incrementAndGet();
            if (d % step == 0 || d == total) {
              log.accept(String.format(Locale.ROOT, "Synthesised %d of %d utterances", d, total));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof IOException) {
            throw (IOException) c;
          }
          throw new IOException("synthesis failed: " + c, c);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return samples;
  }

  private void writeDataDirs(List<Utt> utts, Map<String, Long> samples, Path wavRoot) throws IOException {
    for (Split split : Split.values()) {
      Map<String, Utt> sorted = new TreeMap<>(Keys.ORDER);
      utts.stream().filter(u -> u.speaker().split() == split).forEach(u -> sorted.put(u.id(), u));
      Map<String, List<String>> spk2utt = new TreeMap<>(Keys.ORDER);
      StringBuilder wav = new StringBuilder();
      StringBuilder text = new StringBuilder();
      StringBuilder u2s = new StringBuilder();
      StringBuilder dur = new StringBuilder();
      for (Utt u : sorted.values()) {
        String spk = u.speaker().speaker().id();
        Path w = wavRoot.resolve(spk).resolve(u.id() + ".wav").toAbsolutePath();
        wav.append(u.id()).append(' ').append(w).append('\n');
        text.append(u.id()).append(' ').append(String.join(" ", u.words())).append('\n');
        u2s.append(u.id()).append(' ').append(spk).append('\n');
        dur.append(u.id()).append(' ').append(String.format(Locale.ROOT, "%.3f",
            samples.get(u.id()) / (double) Synthesizer.SAMPLE_RATE)).append('\n');
        spk2utt.computeIfAbsent(spk, k -> new ArrayList<>()).add(u.id());
      }
      StringBuilder s2u = new StringBuilder();
      spk2utt.forEach((s, l) -> s2u.append(s).append(' ').append(String.join(" ", l)).append('\n'));
      Path dir = Files.createDirectories(opts.out().resolve(split.dirName()));
      writeAtomically(dir.resolve("wav.scp"), wav.toString());
      writeAtomically(dir.resolve("text"), text.toString());
      writeAtomically(dir.resolve("utt2spk"), u2s.toString());
      writeAtomically(dir.resolve("spk2utt"), s2u.toString());
      writeAtomically(dir.resolve("utt2dur"), dur.toString());
    }
  }

  private void writeLocal(List<Utt> utts, Map<String, List<List<String>>> cmudict) throws IOException {
    Path local = Files.createDirectories(opts.out().resolve("local"));
    Set<String> vocab = new java.util.TreeSet<>(Keys.ORDER);
    StringBuilder lm = new StringBuilder();
    for (Utt u : utts) {
      vocab.addAll(u.words());
      if (u.speaker().split() == Split.TRAIN) {
        lm.append(String.join(" ", u.words())).append('\n');
      }
    }
    if (opts.kind() == CorpusOptions.Kind.DIGITS) {
      vocab.addAll(TextSources.DIGIT_WORDS);
    }
    StringBuilder lex = new StringBuilder();
    for (String w : vocab) {
      List<List<String>> prons = cmudict.get(w);
      if (prons == null) {
        throw new IOException("word '" + w + "' is not in " + TextSources.CMUDICT);
      }
      for (List<String> p : prons) {
        lex.append(w).append(' ').append(String.join(" ", p)).append('\n');
      }
    }
    writeAtomically(local.resolve("lexicon.txt"), lex.toString());
    writeAtomically(local.resolve("lm_train_text.txt"), lm.toString());
  }

  private String summary(List<Utt> utts, Map<String, Long> samples) {
    Map<String, long[]> perVoice = new TreeMap<>();
    Map<Split, long[]> perSplit = new EnumMap<>(Split.class);
    Map<Split, Set<String>> spk = new EnumMap<>(Split.class);
    for (Utt u : utts) {
      long n = samples.get(u.id());
      Split s = u.speaker().split();
      perSplit.computeIfAbsent(s, k -> new long[2])[0]++;
      perSplit.get(s)[1] += n;
      spk.computeIfAbsent(s, k -> new HashSet<>()).add(u.speaker().speaker().id());
      long[] v = perVoice.computeIfAbsent(u.speaker().speaker().voice().name(), k -> new long[6]);
      v[s.ordinal()]++;
      v[3 + s.ordinal()] += n;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# synth-").append(opts.kind() == CorpusOptions.Kind.DIGITS ? "digits" : "sentences")
        .append(" corpus (seed ").append(opts.seed()).append(")\n\n");
    sb.append("| split | utterances | speakers | hours |\n|---|---:|---:|---:|\n");
    for (Split s : Split.values()) {
      long[] v = perSplit.getOrDefault(s, new long[2]);
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f |%n", s.dirName(), v[0],
          spk.getOrDefault(s, Set.of()).size(), v[1] / (double) Synthesizer.SAMPLE_RATE / 3600));
    }
    sb.append("\n| voice | train utts | dev utts | test utts | train hours |\n|---|---:|---:|---:|---:|\n");
    perVoice.forEach((v, c) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f |%n", v, c[0],
        c[1], c[2], c[3] / (double) Synthesizer.SAMPLE_RATE / 3600)));
    return sb.toString();
  }

  static void writeAtomically(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
