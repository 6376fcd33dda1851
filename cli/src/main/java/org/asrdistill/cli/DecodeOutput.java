package org.asrdistill.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import org.asrdistill.decoder.lattice.CompactLattice;
import org.asrdistill.decoder.lattice.CompactLatticeHolder;
import org.asrdistill.decoder.search.DecodeResult;
import org.asrdistill.fst.SymbolTable;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.TableWriter;

/**
 * The outputs of decode-faster-mapped and latgen-faster-mapped: words, alignments, lattices and CTM
 * tables, Kaldi's per-utterance log lines and the final summary with the real-time factor.
 */
final class DecodeOutput implements AutoCloseable {
  /** One decoded utterance; {@code best} is null when decoding failed. */
  record Utterance(String key, int frames, DecodeResult best, CompactLattice lattice, long nanos) {
  }

  private final KaldiTool tool;
  private final TableWriter<int[]> words;
  private final TableWriter<int[]> alignments;
  private final TableWriter<CompactLattice> lattices;
  private final FstFiles.TextOut ctm;
  private final SymbolTable symbols;
  private int done;
  private int failed;
  private long frames;
  private long decodeNanos;
  private double totalLike;

  DecodeOutput(KaldiTool tool, String wordsOut, String aliOut, String latOut, String ctmOut, Path wordSymbols)
      throws IOException {
    this.tool = tool;
    this.symbols = wordSymbols == null ? null : SymbolTable.readText(wordSymbols);
    this.words = wordsOut == null || wordsOut.isEmpty() ? null : TableWriter.open(wordsOut, Holders.INT32_VECTOR);
    this.alignments = aliOut == null || aliOut.isEmpty() ? null : TableWriter.open(aliOut, Holders.INT32_VECTOR);
    this.lattices = latOut == null ? null : TableWriter.open(latOut, CompactLatticeHolder.INSTANCE);
    this.ctm = ctmOut == null ? null : new FstFiles.TextOut(ctmOut);
  }

  void accept(Utterance u) throws IOException {
    frames += u.frames();
    decodeNanos += u.nanos();
    if (u.best() == null) {
      failed++;
      tool.warn("Did not successfully decode utterance " + u.key() + ", len = " + u.frames());
      return;
    }
    DecodeResult r = u.best();
    if (!r.reachedFinal()) {
      tool.warn("Decoder did not reach end-state, outputting partial traceback for " + u.key());
    }
    done++;
    if (words != null) {
      words.write(u.key(), r.words());
    }
    if (alignments != null) {
      alignments.write(u.key(), r.alignment());
    }
    if (lattices != null && u.lattice() != null) {
      lattices.write(u.key(), u.lattice());
    }
    if (symbols != null) {
      StringBuilder sb = new StringBuilder(u.key());
      for (int w : r.words()) {
        String s = symbols.findSymbol(w);
        sb.append(' ').append(s == null ? "<" + w + ">" : s);
      }
      System.err.println(sb);
    }
    if (ctm != null) {
      Writer w = ctm.writer;
      for (int i = 0; i < r.words().length; i++) {
        int start = r.wordFrames()[i];
        int end = i + 1 < r.words().length ? r.wordFrames()[i + 1] : u.frames();
        String word = symbols != null && symbols.findSymbol(r.words()[i]) != null ? symbols.findSymbol(r.words()[i])
            : Integer.toString(r.words()[i]);
        w.write(String.format(Locale.ROOT, "%s 1 %.2f %.2f %s%n", u.key(), start * 0.01, (end - start) * 0.01, word));
      }
    }
    double like = -r.cost();
    totalLike += like;
    tool.log(String.format(Locale.ROOT, "Log-like per frame for utterance %s is %.6g over %d frames.", u.key(),
        like / Math.max(1, u.frames()), u.frames()));
  }

  void commit() throws IOException {
    for (TableWriter<?> w : new TableWriter<?>[] {words, alignments, lattices}) {
      if (w != null) {
        w.commit();
      }
    }
    if (ctm != null) {
      ctm.commit();
    }
  }

  void summary(double wallSeconds) {
    tool.log(DecodeFasterMapped.rtf(wallSeconds, frames) + String.format(Locale.ROOT,
        " (decode time summed over utterances: %.2fs, real-time factor %.4f)", decodeNanos / 1e9,
        decodeNanos / 1e9 / Math.max(1e-9, frames * 0.01)));
    tool.log("Done " + done + " utterances, failed for " + failed);
    tool.log(String.format(Locale.ROOT, "Overall log-likelihood per frame is %.6g over %d frames.",
        totalLike / Math.max(1, frames), frames));
  }

  int done() {
    return done;
  }

  int failed() {
    return failed;
  }

  @Override
  public void close() throws IOException {
    for (AutoCloseable c : new AutoCloseable[] {words, alignments, lattices, ctm}) {
      if (c != null) {
        try {
          c.close();
        } catch (IOException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IOException(e);
        }
      }
    }
  }
}
