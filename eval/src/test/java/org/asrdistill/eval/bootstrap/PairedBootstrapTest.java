package org.asrdistill.eval.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {
  private static int[][] data(long seed, int n) {
    Random rnd = new Random(seed);
    int[] words = new int[n];
    int[] a = new int[n];
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
      words[i] = 5 + rnd.nextInt(15);
      a[i] = rnd.nextInt(words[i] / 3 + 1);
      b[i] = Math.max(0, a[i] - (rnd.nextInt(4) == 0 ? 1 : 0));
    }
    return new int[][] {words, a, b};
  }

  @Test
  void reproducibleWithSeedAndDependsOnIt() {
    int[][] d = data(1, 400);
    BootstrapOptions o = new BootstrapOptions(500, 42);
    PairedBootstrap.Result r1 = PairedBootstrap.paired(d[1], d[2], d[0], o);
    PairedBootstrap.Result r2 = PairedBootstrap.paired(d[1], d[2], d[0], o);
    assertEquals(r1, r2);
    PairedBootstrap.Result r3 = PairedBootstrap.paired(d[1], d[2], d[0], new BootstrapOptions(500, 43));
    assertNotEquals(r1.a().meanWer(), r3.a().meanWer());
  }

  @Test
  void intervalContainsTheWerAndShrinksWithMoreData() {
    int[][] small = data(2, 100);
    int[][] large = data(2, 3000);
    BootstrapOptions o = new BootstrapOptions(400, 1);
    PairedBootstrap.Result rs = PairedBootstrap.single(small[1], small[0], o);
    PairedBootstrap.Result rl = PairedBootstrap.single(large[1], large[0], o);
    double wer = 100.0 * sum(large[1]) / sum(large[0]);
    assertTrue(rl.a().low() < wer && wer < rl.a().high(), rl.toString());
    assertTrue(rl.a().percentileLow() < wer && wer < rl.a().percentileHigh(), rl.toString());
    assertTrue(rl.a().halfWidth() < rs.a().halfWidth());
    assertNull(rs.b());
    assertNull(rs.probabilityOfImprovement());
  }

  @Test
  void probabilityOfImprovement() {
    int[][] d = data(3, 500);
    BootstrapOptions o = new BootstrapOptions(300, 5);
    // identical systems: B never makes strictly fewer errors (Kaldi's definition)
    assertEquals(0.0, PairedBootstrap.paired(d[1], d[1].clone(), d[0], o).probabilityOfImprovement());
    // B fixes an error in a quarter of the utterances: it improves in (nearly) every replication
    assertTrue(PairedBootstrap.paired(d[1], d[2], d[0], o).probabilityOfImprovement() > 0.99);
    assertEquals(0.0, PairedBootstrap.paired(d[2], d[1], d[0], o).probabilityOfImprovement());
  }

  @Test
  void rejectsMismatchedInputs() {
    assertThrows(IllegalArgumentException.class,
        () -> PairedBootstrap.paired(new int[2], new int[3], new int[2], BootstrapOptions.defaults()));
    assertThrows(IllegalArgumentException.class, () -> new BootstrapOptions(0, 1));
  }

  private static long sum(int[] v) {
    long s = 0;
    for (int x : v) {
      s += x;
    }
    return s;
  }
}
