package org.asrdistill.kaldiio.table;

import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.io.Xfilenames;

/**
 * Writes a table named by a wspecifier. Files are written under temporary names and appear only at
 * {@link #commit()}; closing without a commit (after an error) removes them, so a failed job never
 * leaves a partial archive behind.
 *
 * <pre>{@code
 * try (var w = TableWriter.open("ark,scp:feats.ark,feats.scp", Holders.FLOAT_MATRIX)) {
 *   for (...) w.write(key, m);
 *   w.commit();
 * }
 * }</pre>
 */
public final class TableWriter<T> implements Closeable {
  private final Wspecifier spec;
  private final Holder<T> holder;
  private final KaldiOutput ark;
  private final KaldiOutput scpOut;
  private final Map<String, String> scpTargets;
  private final String arkName;
  private long count;

  private TableWriter(Wspecifier spec, Holder<T> holder, KaldiOutput ark, KaldiOutput scpOut,
      Map<String, String> scpTargets) {
    this.spec = spec;
    this.holder = holder;
    this.ark = ark;
    this.scpOut = scpOut;
    this.scpTargets = scpTargets;
    this.arkName = spec.archive();
  }

  public static <T> TableWriter<T> open(String wspecifier, Holder<T> holder) throws IOException {
    Wspecifier spec = Wspecifier.parse(wspecifier);
    if (spec.archive() != null && spec.script() != null) {
      String a = spec.archive().strip();
      if (a.equals("-") || a.startsWith("|")) {
        throw new IllegalArgumentException("ark,scp: the archive must be a file (scp offsets point into it); "
            + "got: '" + spec.archive() + "'");
      }
      KaldiOutput ark = Xfilenames.openOutput(spec.archive());
      KaldiOutput scp;
      try {
        scp = Xfilenames.openOutput(spec.script());
      } catch (IOException e) {
        ark.close();
        throw e;
      }
      return new TableWriter<>(spec, holder, ark, scp, null);
    }
    if (spec.archive() != null) {
      return new TableWriter<>(spec, holder, Xfilenames.openOutput(spec.archive()), null, null);
    }
    // scp only: objects go to the files the existing scp names.
    Map<String, String> targets = new HashMap<>();
    try (KaldiInput in = Xfilenames.openInput(spec.script())) {
      while (true) {
        long at = in.offset();
        String line = in.readLine();
        if (line == null) {
          break;
        }
        ScpEntry e = ScpEntry.parse(line, in.name(), at);
        if (e != null) {
          targets.put(e.key(), e.rxfilename());
        }
      }
    }
    return new TableWriter<>(spec, holder, null, null, targets);
  }

  /** Writes one entry. */
  public void write(String key, T value) throws IOException {
    Keys.check(key);
    if (ark != null) {
      ark.writeText(key);
      ark.writeByte(' ');
      long offset = ark.offset();
      holder.write(ark, value, spec.binary());
      if (scpOut != null) {
        scpOut.writeText(key + " " + arkName + ":" + offset + "\n");
      }
      if (spec.flush()) {
        ark.flush();
        if (scpOut != null) {
          scpOut.flush();
        }
      }
    } else {
      String target = scpTargets.get(key);
      if (target == null) {
        throw new IllegalArgumentException("key '" + key + "' is not listed in " + spec.script());
      }
      try (KaldiOutput out = Xfilenames.openOutput(target)) {
        holder.write(out, value, spec.binary());
        out.commit();
      }
    }
    count++;
  }

  /** Number of entries written. */
  public long count() {
    return count;
  }

  /** Completes the table: flushes and moves the files onto their final names. */
  public void commit() throws IOException {
    if (ark != null) {
      ark.commit();
    }
    if (scpOut != null) {
      scpOut.commit();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (ark != null) {
        ark.close();
      }
    } finally {
      if (scpOut != null) {
        scpOut.close();
      }
    }
  }
}
