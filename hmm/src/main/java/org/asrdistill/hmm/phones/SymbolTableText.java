package org.asrdistill.hmm.phones;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.Xfilenames;

/** Reads a text symbol table ({@code phones.txt}, {@code words.txt}: one "symbol id" pair a line) by id. */
public final class SymbolTableText {
  private SymbolTableText() {
  }

  /** Symbols indexed by id (null where an id is unused). */
  public static List<String> readById(String rxfilename) throws IOException {
    List<String> out = new ArrayList<>();
    try (KaldiInput in = Xfilenames.openInput(rxfilename)) {
      String line;
      while (true) {
        long at = in.offset();
        line = in.readLine();
        if (line == null) {
          break;
        }
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        int id;
        try {
          id = f.length == 2 ? Integer.parseInt(f[1]) : -1;
        } catch (NumberFormatException e) {
          id = -1;
        }
        if (id < 0 || id > 1 << 26) {
          throw in.error(at, "bad line in symbol table: '" + KaldiInput.abbreviate(line) + "'");
        }
        while (out.size() <= id) {
          out.add(null);
        }
        if (out.get(id) != null) {
          throw in.error(at, "id " + id + " is used twice in the symbol table");
        }
        out.set(id, f[0]);
      }
    }
    return out;
  }
}
