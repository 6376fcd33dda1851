package org.asrdistill.acoustic.tree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.io.Xfilenames;

/**
 * Kaldi's {@code ReadIntegerVectorVectorSimple}/{@code WriteIntegerVectorVectorSimple}: one set of integers
 * per line (phone sets, questions, shared phones).
 */
public final class IntSetsFile {
  private IntSetsFile() {
  }

  /** Reads the lines; blank lines give empty sets. */
  public static List<int[]> read(String rxfilename) throws IOException {
    List<int[]> out = new ArrayList<>();
    try (KaldiInput in = Xfilenames.openInput(rxfilename)) {
      int lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        String t = line.trim();
        if (t.isEmpty()) {
          out.add(new int[0]);
          continue;
        }
        String[] w = t.split("\\s+");
        int[] v = new int[w.length];
        for (int i = 0; i < w.length; i++) {
          try {
            v[i] = Integer.parseInt(w[i]);
          } catch (NumberFormatException e) {
            throw in.error("line " + lineNo + ": expected integers, found '" + KaldiInput.abbreviate(w[i]) + "'");
          }
        }
        out.add(v);
      }
    }
    return out;
  }

  public static void write(String wxfilename, List<int[]> sets) throws IOException {
    try (KaldiOutput out = Xfilenames.openOutput(wxfilename)) {
      for (int[] s : sets) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
          sb.append(i == 0 ? "" : " ").append(s[i]);
        }
        out.writeText(sb.append('\n').toString());
      }
      out.commit();
    }
  }
}
