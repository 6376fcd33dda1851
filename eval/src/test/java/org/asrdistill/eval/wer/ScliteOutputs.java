package org.asrdistill.eval.wer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsers for sclite's rsum table ({@code .raw}) and the id/Scores lines of its pra report. */
final class ScliteOutputs {
  private ScliteOutputs() {
  }

  /**
   * Rows of the rsum table: speaker (or "Sum") to {#Snt, #Wrd, Corr, Sub, Del, Ins, Err, S.Err}.
   */
  static Map<String, long[]> parseRaw(List<String> lines) {
    Map<String, long[]> rows = new LinkedHashMap<>();
    for (String line : lines) {
      String[] cells = line.strip().split("\\|");
      if (cells.length < 4) {
        continue;
      }
      String name = cells[1].strip();
      String[] a = cells[2].strip().split("\\s+");
      String[] b = cells[3].strip().split("\\s+");
      if (name.isEmpty() || name.equals("SPKR") || name.equals("Mean") || name.equals("S.D.")
          || name.equals("Median") || a.length != 2 || b.length != 6) {
        continue;
      }
      long[] v = new long[8];
      try {
        v[0] = Long.parseLong(a[0]);
        v[1] = Long.parseLong(a[1]);
        for (int k = 0; k < 6; k++) {
          v[2 + k] = Long.parseLong(b[k]);
        }
      } catch (NumberFormatException e) {
        continue;
      }
      rows.put(name, v);
    }
    return rows;
  }

  /** Utterance id to {C, S, D, I}. */
  static Map<String, int[]> parsePraScores(List<String> lines) {
    Map<String, int[]> out = new LinkedHashMap<>();
    String id = null;
    for (String line : lines) {
      if (line.startsWith("id: (")) {
        id = line.substring(5, line.lastIndexOf(')'));
      } else if (line.startsWith("Scores: (#C #S #D #I) ")) {
        String[] f = line.substring("Scores: (#C #S #D #I) ".length()).strip().split("\\s+");
        out.put(id, new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
            Integer.parseInt(f[3])});
      }
    }
    return out;
  }

  static List<String> lines(Path p) throws IOException {
    return Files.readAllLines(p, StandardCharsets.UTF_8);
  }
}
