package org.asrdistill.fst;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asrdistill.fst.io.WeightFormat;
import org.asrdistill.fst.ops.Compose;
import org.asrdistill.fst.ops.Determinize;
import org.asrdistill.fst.ops.Minimize;
import org.asrdistill.fst.ops.RmEpsilon;
import org.asrdistill.fst.ops.ShortestDistance;

/** Compares our operations on one case with OpenFst's results (live or golden). */
final class ConformanceChecks {
  /** Per-check outcome: name -> agreed, plus failure messages. */
  static final class Result {
    final Map<String, Boolean> outcomes = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();

    void record(String name, String difference, String where) {
      outcomes.put(name, difference == null);
      if (difference != null) {
        failures.add(where + " " + name + ": " + difference);
      }
    }

    void tally(Map<String, int[]> counts, List<String> allFailures) {
      outcomes.forEach((k, ok) -> {
        int[] c = counts.computeIfAbsent(k, x -> new int[2]);
        c[0]++;
        if (ok) {
          c[1]++;
        }
      });
      allFailures.addAll(failures);
    }
  }

  private ConformanceChecks() {
  }

  static Result check(OpenFstCases.Case c, Fst rm, Fst zrm, Fst comp, Fst det, Fst min, double[] xsd,
      double[] zsd) {
    Result r = new Result();
    String where = c.describe();
    VectorFst ourRm = RmEpsilon.rmEpsilon(c.x(), OpenFstCases.DELTA);
    r.record("rmepsilon (acyclic)", diff(ourRm, rm), where);
    VectorFst ourZrm = RmEpsilon.rmEpsilon(c.z(), OpenFstCases.DELTA);
    if (c.acceptor()) {
      r.record("rmepsilon (cyclic)", PathRelation.difference(PathRelation.of(ourZrm, 5), PathRelation.of(zrm, 5),
          OpenFstCases.REL_TOL), where);
    } else {
      double a = ShortestDistance.total(ourZrm, OpenFstCases.DELTA);
      double b = ShortestDistance.total(zrm, OpenFstCases.DELTA);
      r.record("rmepsilon (cyclic)", close(a, b, OpenFstCases.REL_TOL) ? null : a + " vs " + b, where);
    }
    VectorFst ourComp = Compose.compose(c.x(), c.y(), Compose.Options.defaults());
    r.record("compose", diff(ourComp, comp), where);
    if (c.determinizable()) {
      VectorFst ourDet = Determinize.determinize(c.x(), Determinize.Options.defaults());
      r.record("determinize", diff(ourDet, det), where);
      VectorFst ourMin = Minimize.minimize(ourDet, Semiring.DEFAULT_DELTA);
      r.record("minimize", diff(ourMin, min), where);
      r.record("minimize states <= OpenFst's", ourMin.numStates() <= min.numStates() ? null
          : ourMin.numStates() + " vs " + min.numStates(), where);
    }
    r.record("shortestdistance (acyclic)", distances(ShortestDistance.forward(c.x(), OpenFstCases.DELTA), xsd),
        where);
    r.record("shortestdistance (cyclic)", distances(ShortestDistance.forward(c.z(), OpenFstCases.DELTA), zsd),
        where);
    return r;
  }

  private static String diff(Fst ours, Fst theirs) {
    return PathRelation.difference(PathRelation.of(ours), PathRelation.of(theirs), OpenFstCases.REL_TOL);
  }

  private static boolean close(double a, double b, double tol) {
    return Semiring.approxEqual(a, b, tol * Math.max(1, Math.abs(a)));
  }

  private static String distances(double[] ours, double[] theirs) {
    for (int s = 0; s < ours.length; s++) {
      double t = s < theirs.length ? theirs[s] : Double.POSITIVE_INFINITY;
      if (!close(ours[s], t, OpenFstCases.DIST_TOL)) {
        return "state " + s + ": " + ours[s] + " vs " + t;
      }
    }
    return null;
  }

  /** Parses fstshortestdistance's output: one "state<TAB>distance" per line. */
  static double[] parseDistances(String text) {
    List<Double> d = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      int s = Integer.parseInt(f[0]);
      while (d.size() <= s) {
        d.add(Double.POSITIVE_INFINITY);
      }
      d.set(s, (double) WeightFormat.parse(f[1]));
    }
    return d.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
