package org.asrdistill.cli;

import java.util.Locale;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.Properties;
import org.asrdistill.fst.Scc;
import org.asrdistill.fst.io.OpenFstBinary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "fstinfo",
    header = "Prints information about an FST: type, sizes, epsilons, connectivity and properties "
        + "(a subset of OpenFst's fstinfo).",
    customSynopsis = "Usage: fstinfo [in.fst]",
    footer = {"e.g.: fstinfo HCLG.fst", "See also: fstprint"})
public final class FstInfo extends KaldiTool {
  @Parameters(index = "0", arity = "0..1", paramLabel = "in.fst")
  String in;

  @Override
  protected int run() throws Exception {
    OpenFstBinary.Loaded loaded = FstFiles.load(in);
    Fst fst = loaded.fst();
    long finals = 0;
    long ioEps = 0;
    long iEps = 0;
    long oEps = 0;
    for (int s = 0; s < fst.numStates(); s++) {
      finals += fst.isFinal(s) ? 1 : 0;
      for (int a = 0; a < fst.numArcs(s); a++) {
        boolean ie = fst.ilabel(s, a) == 0;
        boolean oe = fst.olabel(s, a) == 0;
        ioEps += ie && oe ? 1 : 0;
        iEps += ie ? 1 : 0;
        oEps += oe ? 1 : 0;
      }
    }
    Scc scc = Scc.of(fst);
    boolean[] acc = scc.accessible();
    boolean[] co = scc.coaccessible();
    long nAcc = 0;
    long nCo = 0;
    long nConn = 0;
    for (int s = 0; s < fst.numStates(); s++) {
      nAcc += acc[s] ? 1 : 0;
      nCo += co[s] ? 1 : 0;
      nConn += acc[s] && co[s] ? 1 : 0;
    }
    StringBuilder sb = new StringBuilder();
    line(sb, "fst type", loaded.header().fstType());
    line(sb, "arc type", loaded.header().arcType());
    line(sb, "input symbol table", fst.inputSymbols() == null ? "none" : fst.inputSymbols().name());
    line(sb, "output symbol table", fst.outputSymbols() == null ? "none" : fst.outputSymbols().name());
    line(sb, "# of states", fst.numStates());
    line(sb, "# of arcs", fst.totalArcs());
    line(sb, "initial state", fst.start());
    line(sb, "# of final states", finals);
    line(sb, "# of input/output epsilons", ioEps);
    line(sb, "# of input epsilons", iEps);
    line(sb, "# of output epsilons", oEps);
    line(sb, "# of accessible states", nAcc);
    line(sb, "# of coaccessible states", nCo);
    line(sb, "# of connected states", nConn);
    line(sb, "# of strongly conn components", scc.numComponents());
    long p = Properties.compute(fst);
    String[] names = {"acceptor", "input deterministic", "output deterministic", "input/output epsilons",
        "input epsilons", "output epsilons", "input label sorted", "output label sorted", "weighted", "cyclic",
        "cyclic at initial state", "top sorted", "accessible", "coaccessible"};
    long bit = Properties.ACCEPTOR;
    for (String name : names) {
      line(sb, name, (p & bit) != 0 ? "y" : (p & (bit << 1)) != 0 ? "n" : "?");
      bit <<= 2;
    }
    System.out.print(sb);
    System.out.flush();
    return 0;
  }

  private static void line(StringBuilder sb, String key, Object value) {
    sb.append(String.format(Locale.ROOT, "%-50s%s%n", key, value));
  }
}
