package org.asrdistill.fst;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bidirectional map between symbols and integer keys, in insertion order, as OpenFst's SymbolTable.
 * Text form: one {@code symbol<TAB>key} per line. Treat a table as immutable once attached to an FST.
 */
public final class SymbolTable {
  private final String name;
  private final List<String> symbols = new ArrayList<>();
  private final List<Long> keys = new ArrayList<>();
  private final Map<String, Long> byName = new HashMap<>();
  private final Map<Long, String> byKey = new HashMap<>();
  private long availableKey;

  public SymbolTable(String name) {
    this.name = name == null ? "" : name;
  }

  /** Reads OpenFst's text form; fields separated by tabs or spaces; blank lines are errors. */
  public static SymbolTable readText(Path file) throws IOException {
    SymbolTable t = new SymbolTable(file.toString());
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        String[] f = line.trim().split("[\t ]+");
        if (f.length != 2) {
          throw new FstFormatException(file.toString(), "line " + lineNo,
              "expected 'symbol key'; got: '" + line + "'");
        }
        long key;
        try {
          key = Long.parseLong(f[1]);
        } catch (NumberFormatException e) {
          throw new FstFormatException(file.toString(), "line " + lineNo, "bad key '" + f[1] + "'");
        }
        if (key < 0) {
          throw new FstFormatException(file.toString(), "line " + lineNo, "negative key " + key);
        }
        t.addSymbol(f[0], key);
      }
    }
    return t;
  }

  /** Writes the text form. */
  public void writeText(Writer w) throws IOException {
    for (int i = 0; i < symbols.size(); i++) {
      w.write(symbols.get(i));
      w.write('\t');
      w.write(Long.toString(keys.get(i)));
      w.write('\n');
    }
  }

  /** Adds a symbol with the next available key, or returns the existing key. */
  public long addSymbol(String symbol) {
    Long k = byName.get(symbol);
    return k != null ? k : addSymbol(symbol, availableKey);
  }

  /**
   * Adds symbol with key; re-adding the same pair is a no-op. A symbol already bound to another key keeps
   * both keys (OpenFst behaviour); findKey returns the first.
   */
  public long addSymbol(String symbol, long key) {
    if (symbol == null || key < 0) {
      throw new IllegalArgumentException("symbol must be non-null and key >= 0; got: " + symbol + " " + key);
    }
    String old = byKey.get(key);
    if (old != null) {
      if (!old.equals(symbol)) {
        throw new IllegalArgumentException("key " + key + " already bound to '" + old + "', not '" + symbol + "'");
      }
      return key;
    }
    symbols.add(symbol);
    keys.add(key);
    byName.putIfAbsent(symbol, key);
    byKey.put(key, symbol);
    availableKey = Math.max(availableKey, key + 1);
    return key;
  }

  /** The key of symbol, or -1. */
  public long findKey(String symbol) {
    Long k = byName.get(symbol);
    return k == null ? -1 : k;
  }

  /** The symbol of key, or null. */
  public String findSymbol(long key) {
    return byKey.get(key);
  }

  public String name() {
    return name;
  }

  public int size() {
    return symbols.size();
  }

  public long availableKey() {
    return availableKey;
  }

  /** Symbols in insertion order. */
  public List<String> symbols() {
    return Collections.unmodifiableList(symbols);
  }

  /** Keys in insertion order. */
  public List<Long> keys() {
    return Collections.unmodifiableList(keys);
  }

  /** A copy under another name. */
  public SymbolTable renamed(String newName) {
    SymbolTable t = new SymbolTable(newName);
    for (int i = 0; i < symbols.size(); i++) {
      t.addSymbol(symbols.get(i), keys.get(i));
    }
    t.availableKey = availableKey;
    return t;
  }

  /** Sets the next key addSymbol(symbol) will use, as read from a binary table. */
  public void restoreAvailableKey(long k) {
    availableKey = Math.max(availableKey, k);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SymbolTable && ((SymbolTable) o).symbols.equals(symbols)
        && ((SymbolTable) o).keys.equals(keys);
  }

  @Override
  public int hashCode() {
    return symbols.hashCode() * 31 + keys.hashCode();
  }
}
