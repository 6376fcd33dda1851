package org.asrdistill.fst.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.FstFormatException;
import org.asrdistill.fst.Semiring;
import org.asrdistill.fst.SymbolTable;
import org.asrdistill.fst.VectorFst;

/**
 * OpenFst's text (AT&amp;T) format as read by fstcompile and written by fstprint. Arc lines are
 * {@code src dst ilabel olabel [weight]} ({@code src dst label [weight]} for acceptors), final-state lines
 * {@code state [weight]}; fields are separated by tabs or spaces. The first line's source state is the start.
 * As fstprint does, a state without arcs that is not final is printed as {@code state Infinity}, so it
 * survives a round trip.
 */
public final class AttText {
  /** fstcompile options: symbol tables for labels (null: numeric), acceptor form, keep_state_numbering. */
  public record CompileOptions(SymbolTable isymbols, SymbolTable osymbols, boolean acceptor,
      boolean keepStateNumbering) {
    public static CompileOptions defaults() {
      return new CompileOptions(null, null, false, false);
    }
  }

  /** fstprint options: symbol tables (null: numeric), acceptor form, show_weight_one. */
  public record PrintOptions(SymbolTable isymbols, SymbolTable osymbols, boolean acceptor, boolean showWeightOne) {
    public static PrintOptions defaults() {
      return new PrintOptions(null, null, false, false);
    }
  }

  private AttText() {
  }

  /** Compiles text into a new FST (states renumbered in order of appearance unless keepStateNumbering). */
  public static VectorFst compile(Reader text, String source, Semiring semiring, CompileOptions opt)
      throws IOException {
    VectorFst fst = new VectorFst(semiring);
    Map<Long, Integer> ids = new HashMap<>();
    BufferedReader r = text instanceof BufferedReader ? (BufferedReader) text : new BufferedReader(text);
    String line;
    int lineNo = 0;
    boolean first = true;
    while ((line = r.readLine()) != null) {
      lineNo++;
      String trimmed = line.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] f = trimmed.split("[\t ]+");
      String where = "line " + lineNo;
      int n = f.length;
      boolean isArc = opt.acceptor() ? n == 3 || n == 4 : n == 4 || n == 5;
      if (!isArc && n > 2) {
        throw new FstFormatException(source, where, "expected " + (opt.acceptor() ? "3-4" : "4-5")
            + " fields for an arc or 1-2 for a final state; got " + n + ": '" + line + "'");
      }
      int src = state(fst, ids, f[0], opt.keepStateNumbering(), source, where);
      if (first) {
        fst.setStart(src);
        first = false;
      }
      if (isArc) {
        int dst = state(fst, ids, f[1], opt.keepStateNumbering(), source, where);
        int il = label(f[2], opt.isymbols(), source, where);
        int ol = opt.acceptor() ? il : label(f[3], opt.osymbols(), source, where);
        int wi = opt.acceptor() ? 3 : 4;
        float w = n > wi ? weight(f[wi], source, where) : Semiring.ONE;
        fst.addArc(src, il, ol, w, dst);
      } else {
        fst.setFinal(src, n > 1 ? weight(f[1], source, where) : Semiring.ONE);
      }
    }
    fst.setInputSymbols(opt.isymbols());
    fst.setOutputSymbols(opt.acceptor() ? opt.isymbols() : opt.osymbols());
    return fst;
  }

  private static int state(VectorFst fst, Map<Long, Integer> ids, String field, boolean keep, String source,
      String where) throws FstFormatException {
    long id;
    try {
      id = Long.parseLong(field);
    } catch (NumberFormatException e) {
      throw new FstFormatException(source, where, "bad state id '" + field + "'");
    }
    if (id < 0 || id >= Integer.MAX_VALUE - 8) {
      throw new FstFormatException(source, where, "bad state id " + id);
    }
    if (keep) {
      while (fst.numStates() <= id) {
        fst.addState();
      }
      return (int) id;
    }
    Integer q = ids.get(id);
    if (q == null) {
      q = fst.addState();
      ids.put(id, q);
    }
    return q;
  }

  private static int label(String field, SymbolTable syms, String source, String where)
      throws FstFormatException {
    if (syms != null) {
      long k = syms.findKey(field);
      if (k < 0) {
        throw new FstFormatException(source, where, "symbol '" + field + "' not in symbol table " + syms.name());
      }
      return (int) k;
    }
    try {
      int l = Integer.parseInt(field);
      if (l < 0) {
        throw new FstFormatException(source, where, "negative label " + l);
      }
      return l;
    } catch (NumberFormatException e) {
      throw new FstFormatException(source, where, "bad label '" + field + "' (no symbol table given)");
    }
  }

  private static float weight(String field, String source, String where) throws FstFormatException {
    try {
      return WeightFormat.parse(field);
    } catch (NumberFormatException e) {
      throw new FstFormatException(source, where, "bad weight '" + field + "'");
    }
  }

  /** Prints fst as fstprint does: the start state first, then the others in order; arcs before finality. */
  public static void print(Fst fst, Writer out, PrintOptions opt) throws IOException {
    int start = fst.start();
    if (start < 0) {
      return;
    }
    boolean acceptor = opt.acceptor() && isAcceptor(fst);
    StringBuilder sb = new StringBuilder();
    printState(fst, start, sb, opt, acceptor);
    for (int s = 0; s < fst.numStates(); s++) {
      if (s != start) {
        printState(fst, s, sb, opt, acceptor);
      }
      if (sb.length() > 1 << 16) {
        out.write(sb.toString());
        sb.setLength(0);
      }
    }
    out.write(sb.toString());
    out.flush();
  }

  private static boolean isAcceptor(Fst fst) {
    for (int s = 0; s < fst.numStates(); s++) {
      for (int a = 0; a < fst.numArcs(s); a++) {
        if (fst.ilabel(s, a) != fst.olabel(s, a)) {
          return false;
        }
      }
    }
    return true;
  }

  private static void printState(Fst fst, int s, StringBuilder sb, PrintOptions opt, boolean acceptor)
      throws FstFormatException {
    for (int a = 0; a < fst.numArcs(s); a++) {
      sb.append(s).append('\t').append(fst.nextState(s, a)).append('\t');
      sb.append(symbol(fst.ilabel(s, a), opt.isymbols()));
      if (!acceptor) {
        sb.append('\t').append(symbol(fst.olabel(s, a), opt.osymbols()));
      }
      float w = fst.weight(s, a);
      if (w != Semiring.ONE || opt.showWeightOne()) {
        sb.append('\t').append(WeightFormat.format(w));
      }
      sb.append('\n');
    }
    float f = fst.finalWeight(s);
    if (f != Semiring.ZERO || fst.numArcs(s) == 0) {
      sb.append(s);
      if (f != Semiring.ONE || opt.showWeightOne()) {
        sb.append('\t').append(WeightFormat.format(f));
      }
      sb.append('\n');
    }
  }

  private static String symbol(int label, SymbolTable syms) throws FstFormatException {
    if (syms == null) {
      return Integer.toString(label);
    }
    String s = syms.findSymbol(label);
    if (s == null) {
      throw new FstFormatException(syms.name(), "label " + label, "label not in symbol table");
    }
    return s;
  }
}
