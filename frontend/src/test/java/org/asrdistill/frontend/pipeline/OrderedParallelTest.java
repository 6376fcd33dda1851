package org.asrdistill.frontend.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedParallelTest {
  @Test
  void keepsInputOrderWithSeveralThreads() throws Exception {
    for (int threads : new int[] {1, 3}) {
      int[] next = {0};
      List<Integer> out = new ArrayList<>();
      OrderedParallel.run(threads, () -> next[0] < 200 ? next[0]++ : null, i -> {
        Thread.sleep((i * 7) % 3);
        return i * i;
      }, out::add);
      assertEquals(200, out.size());
      for (int i = 0; i < 200; i++) {
        assertEquals(i * i, out.get(i));
      }
    }
  }

  @Test
  void propagatesTaskFailure() {
    int[] next = {0};
    IOException e = assertThrows(IOException.class, () -> OrderedParallel.run(2,
        () -> next[0] < 50 ? next[0]++ : null, i -> {
          if (i == 17) {
            throw new IOException("bad item 17");
          }
          return i;
        }, r -> { }));
    assertEquals("bad item 17", e.getMessage());
  }
}
