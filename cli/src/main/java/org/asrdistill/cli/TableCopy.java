package org.asrdistill.cli;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.io.Xfilenames;
import org.asrdistill.kaldiio.table.Holder;
import org.asrdistill.kaldiio.table.Rspecifier;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;

/** The copy loop shared by the copy-* tools: a table to a table, or one file to one file. */
final class TableCopy {
  private TableCopy() {
  }

  static <T> long copy(String in, String out, boolean binary, Holder<T> holder) throws IOException {
    return copy(in, out, binary, holder, UnaryOperator.identity());
  }

  /** Copies, applying {@code map} to each object; returns the number copied. */
  static <T> long copy(String in, String out, boolean binary, Holder<T> holder, UnaryOperator<T> map)
      throws IOException {
    if (Rspecifier.isRspecifier(in)) {
      long n = 0;
      try (SequentialTableReader<T> r = SequentialTableReader.open(in, holder);
           TableWriter<T> w = TableWriter.open(out, holder)) {
        while (r.next()) {
          w.write(r.key(), map.apply(r.value()));
          n++;
        }
        w.commit();
      }
      return n;
    }
    T value;
    try (KaldiInput input = Xfilenames.openInput(in)) {
      value = holder.read(input);
    }
    try (KaldiOutput output = Xfilenames.openOutput(out)) {
      holder.write(output, map.apply(value), binary);
      output.commit();
    }
    return 1;
  }
}
