package org.asrdistill.kaldiio.table;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.asrdistill.kaldiio.KaldiFormatException;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.Xfilenames;

/**
 * Looks table entries up by key. Through an scp, only the scp is held in memory and each lookup seeks to
 * the entry's byte offset (applying its range, if any). Through an archive, entries are read forward as
 * needed: with {@code s} (sorted keys) reading stops at the first key past the one asked for, and with
 * {@code cs} (lookups in sorted order) entries before it are dropped; otherwise entries read so far are
 * kept, as in Kaldi.
 */
public final class RandomAccessTableReader<T> implements Closeable {
  private final Rspecifier spec;
  private final Holder<T> holder;
  private final Map<String, ScpEntry> scp;
  private final ObjectReads objects = new ObjectReads();
  private final KaldiInput archive;
  private final TreeMap<String, T> cache = new TreeMap<>(Keys.ORDER);
  private String lastArchiveKey;
  private boolean archiveDone;

  private RandomAccessTableReader(Rspecifier spec, Holder<T> holder, Map<String, ScpEntry> scp,
      KaldiInput archive) {
    this.spec = spec;
    this.holder = holder;
    this.scp = scp;
    this.archive = archive;
  }

  public static <T> RandomAccessTableReader<T> open(String rspecifier, Holder<T> holder) throws IOException {
    Rspecifier spec = Rspecifier.parse(rspecifier);
    KaldiInput in;
    try {
      in = Xfilenames.openInput(spec.filename());
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(spec.filename(), null, "cannot open rspecifier '" + rspecifier + "'");
    }
    if (spec.type() == Rspecifier.Type.ARCHIVE) {
      return new RandomAccessTableReader<>(spec, holder, null, in);
    }
    Map<String, ScpEntry> map = new HashMap<>();
    try (in) {
      String prev = null;
      while (true) {
        long at = in.offset();
        String line = in.readLine();
        if (line == null) {
          break;
        }
        ScpEntry e = ScpEntry.parse(line, in.name(), at);
        if (e == null) {
          continue;
        }
        if (spec.sorted() && prev != null && Keys.compare(prev, e.key()) >= 0) {
          throw new KaldiFormatException(in.name(), e.key(), at, "keys are not sorted and unique as the "
              + "'s' option promises: '" + e.key() + "' follows '" + prev + "'");
        }
        if (map.put(e.key(), e) != null) {
          throw new KaldiFormatException(in.name(), e.key(), at, "duplicate key in scp");
        }
        prev = e.key();
      }
    }
    return new RandomAccessTableReader<>(spec, holder, map, null);
  }

  /**
   * True if the table has {@code key}. For an scp the object is not read, unless the {@code p} option is
   * given: then, as in Kaldi, an entry whose object cannot be read counts as absent.
   */
  public boolean hasKey(String key) throws IOException {
    if (scp != null) {
      if (!spec.permissive()) {
        return scp.containsKey(key);
      }
      return readPermissive(key) != null;
    }
    return findInArchive(key) != null;
  }

  private T readPermissive(String key) throws IOException {
    ScpEntry e = scp.get(key);
    if (e == null) {
      return null;
    }
    try {
      return objects.read(e, holder, spec.filename());
    } catch (KaldiFormatException ex) {
      System.err.println("WARNING: " + ex.getMessage() + " (permissive: treating key as absent)");
      return null;
    }
  }

  /**
   * The object for {@code key}.
   *
   * @throws java.util.NoSuchElementException if the table has no such key
   */
  public T value(String key) throws IOException {
    if (scp != null) {
      ScpEntry e = scp.get(key);
      if (e == null) {
        throw new java.util.NoSuchElementException("key '" + key + "' not in " + spec.filename());
      }
      T v = spec.permissive() ? readPermissive(key) : objects.read(e, holder, spec.filename());
      if (v == null) {
        throw new java.util.NoSuchElementException("key '" + key + "' in " + spec.filename()
            + " cannot be read (permissive)");
      }
      if (spec.once()) {
        scp.remove(key);
      }
      return v;
    }
    T v = findInArchive(key);
    if (v == null) {
      throw new java.util.NoSuchElementException("key '" + key + "' not in " + spec.filename());
    }
    if (spec.once()) {
      cache.remove(key);
    }
    return v;
  }

  private T findInArchive(String key) throws IOException {
    T v = cache.get(key);
    if (v != null) {
      return v;
    }
    if (spec.sorted() && lastArchiveKey != null && Keys.compare(lastArchiveKey, key) > 0) {
      return null; // already read past where it would be
    }
    while (!archiveDone) {
      try {
        if (readArchiveEntry(key)) {
          break;
        }
      } catch (KaldiFormatException e) {
        archiveDone = true; // the rest of the archive cannot be trusted
        if (!spec.permissive()) {
          throw e;
        }
        System.err.println("WARNING: " + e.getMessage() + " (permissive: ending table here)");
      }
    }
    if (spec.calledSorted()) {
      cache.headMap(key, false).clear();
    }
    return cache.get(key);
  }

  /** Reads the next archive entry into the cache; returns true when the search for {@code key} can stop. */
  private boolean readArchiveEntry(String key) throws IOException {
    archive.setKey(null);
    if (archive.skipSpace() < 0) {
      archiveDone = true;
      return true;
    }
    long at = archive.offset();
    String k = archive.readWord("key");
    int c = archive.peek();
    if (c != ' ' && c != '\t' && c != '\n') {
      throw archive.error(at, "expected a space after key '" + KaldiInput.abbreviate(k) + "'");
    }
    if (c != '\n') {
      archive.read();
    }
    if (spec.sorted() && lastArchiveKey != null && Keys.compare(lastArchiveKey, k) >= 0) {
      throw archive.error(at, "keys are not sorted and unique as the 's' option promises: '" + k
          + "' follows '" + lastArchiveKey + "'");
    }
    archive.setKey(k);
    T obj;
    try {
      obj = holder.read(archive);
    } catch (RuntimeException e) {
      throw new KaldiFormatException(archive.name(), archive.key(), archive.offset(),
          "cannot read " + holder.typeName() + ": " + e, e);
    }
    archive.setKey(null);
    lastArchiveKey = k;
    if (!spec.sorted() && cache.containsKey(k)) {
      throw archive.error(at, "duplicate key '" + k + "' in archive");
    }
    cache.put(k, obj);
    return k.equals(key) || spec.sorted() && Keys.compare(k, key) > 0;
  }

  @Override
  public void close() throws IOException {
    try {
      objects.close();
    } finally {
      if (archive != null) {
        archive.close();
      }
    }
  }
}
