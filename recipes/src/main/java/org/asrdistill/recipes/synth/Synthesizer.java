package org.asrdistill.recipes.synth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.asrdistill.kaldiio.wav.WaveData;
import org.asrdistill.kaldiio.wav.WaveWriter;

/**
 * Turns transcripts into perturbed 16 kHz 16-bit mono WAV files: the voice's engine speaks the text, sox
 * applies the speaker's tempo and pitch and resamples, and seeded white noise is added at the speaker's
 * SNR. Each output appears under its final name only when complete, so an interrupted run resumes.
 */
public final class Synthesizer {
  /** Output sample rate of every corpus. */
  public static final int SAMPLE_RATE = 16000;

  /** One utterance to synthesise. */
  public record Job(String uttId, Speaker speaker, List<String> words, Path wav, long seed) {
  }

  private final Path scratch;

  /** {@code scratch} holds engine outputs before perturbation; it is created if missing. */
  public Synthesizer(Path scratch) throws IOException {
    this.scratch = Files.createDirectories(scratch);
  }

  /**
   * Synthesises a batch of jobs of one voice (festival batches run in one process); returns the number of
   * samples written per job, in order. Jobs whose WAV already exists are read back for their length.
   */
  public long[] run(List<Job> jobs) throws IOException, InterruptedException {
    long[] samples = new long[jobs.size()];
    List<Job> todo = new ArrayList<>();
    List<Integer> todoIdx = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      Job j = jobs.get(i);
      if (Files.exists(j.wav())) {
        samples[i] = (Files.size(j.wav()) - 44) / 2;
      } else {
        todo.add(j);
        todoIdx.add(i);
      }
    }
    if (todo.isEmpty()) {
      return samples;
    }
    List<Path> raw = speak(todo);
    for (int k = 0; k < todo.size(); k++) {
      Job j = todo.get(k);
      short[] pcm = perturb(raw.get(k), j.speaker());
      addNoise(pcm, j.speaker().snrDb(), new Random(j.seed()));
      writeWav(j.wav(), pcm);
      Files.deleteIfExists(raw.get(k));
      samples[todoIdx.get(k)] = pcm.length;
    }
    return samples;
  }

  private List<Path> speak(List<Job> jobs) throws IOException, InterruptedException {
    List<Path> out = new ArrayList<>();
    Voice v = jobs.get(0).speaker().voice();
    if (v.engine() == Voice.Engine.FESTIVAL) {
      StringBuilder scm = new StringBuilder("(" + v.name() + ")\n");
      for (Job j : jobs) {
        Path p = scratch.resolve(j.uttId() + ".raw.wav");
        out.add(p);
        scm.append("(utt.save.wave (utt.synth (Utterance Text \"").append(String.join(" ", j.words()))
            .append("\")) \"").append(p.toAbsolutePath()).append("\" 'riff)\n");
      }
      Path script = scratch.resolve(jobs.get(0).uttId() + ".scm");
      Files.writeString(script, scm.toString(), StandardCharsets.UTF_8);
      exec(List.of("festival", "--batch", script.toString()), null);
      Files.deleteIfExists(script);
      for (Path p : out) {
        if (!Files.exists(p)) {
          throw new IOException("festival produced no audio for " + p.getFileName() + " (voice " + v.name() + ")");
        }
      }
      return out;
    }
    for (Job j : jobs) {
      Path p = scratch.resolve(j.uttId() + ".raw.wav");
      String text = String.join(" ", j.words());
      if (v.engine() == Voice.Engine.FLITE) {
        exec(List.of("flite", "-voice", v.name(), "-t", text, "-o", p.toString()), null);
      } else {
        exec(List.of("espeak-ng", "-v", v.name(), "-w", p.toString(), text), null);
      }
      out.add(p);
    }
    return out;
  }

  /** Runs sox (repeatable, no dither): tempo, pitch, resample to 16 kHz mono 16-bit, raw samples to stdout. */
  private static short[] perturb(Path in, Speaker s) throws IOException, InterruptedException {
    List<String> cmd = List.of("sox", "-q", "-R", "-D", in.toString(), "-t", "raw", "-e", "signed-integer", "-b", "16",
        "-c", "1", "-r", String.valueOf(SAMPLE_RATE), "-",
        "tempo", String.format(Locale.ROOT, "%.4f", s.tempo()),
        "pitch", String.valueOf(s.pitchCents()));
    byte[] b = exec(cmd, null);
    ShortBufferView view = new ShortBufferView(b);
    return view.samples;
  }

  /** Adds white Gaussian noise at {@code snrDb} relative to the signal's mean power. */
  static void addNoise(short[] pcm, double snrDb, Random rnd) {
    double power = 0;
    for (short v : pcm) {
      power += (double) v * v;
    }
    power /= Math.max(1, pcm.length);
    double sigma = Math.sqrt(power / Math.pow(10, snrDb / 10));
    for (int i = 0; i < pcm.length; i++) {
      double v = pcm[i] + sigma * rnd.nextGaussian();
      pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(v)));
    }
  }

  private static void writeWav(Path target, short[] pcm) throws IOException {
    float[] f = new float[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      f[i] = pcm[i];
    }
    WaveWriter.write(target, WaveData.mono(SAMPLE_RATE, f));
  }

  /** Runs a command; returns its standard output; fails with its standard error on a non-zero exit. */
  static byte[] exec(List<String> cmd, byte[] stdin) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).start();
    if (stdin != null) {
      p.getOutputStream().write(stdin);
    }
    p.getOutputStream().close();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errPump = new Thread(() -> {
      try (InputStream e = p.getErrorStream()) {
        e.transferTo(err);
      } catch (IOException ignored) {
        // the exit status reports failure
      }
    });
    errPump.start();
    byte[] out;
    try (InputStream o = p.getInputStream()) {
      out = o.readAllBytes();
    }
    int rc = p.waitFor();
    errPump.join();
    if (rc != 0) {
      throw new IOException("'" + String.join(" ", cmd) + "' failed with status " + rc + ": "
          + err.toString(StandardCharsets.UTF_8).strip());
    }
    return out;
  }

  /** Little-endian 16-bit samples from raw bytes. */
  private static final class ShortBufferView {
    final short[] samples;

    ShortBufferView(byte[] b) {
      samples = new short[b.length / 2];
      ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
    }
  }
}
