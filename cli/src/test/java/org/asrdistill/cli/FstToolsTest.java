package org.asrdistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fst* tools end to end on files: compile, determinize, minimize, distances, print. */
class FstToolsTest {
  @TempDir
  Path dir;

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void compileDeterminizeMinimizePrint() throws Exception {
    Files.writeString(dir.resolve("in.txt"), "0 1 1 1 1\n0 2 1 1 2\n1 3 2 2 3\n2 3 3 3 1\n3\n");
    assertEquals(0, AsrDistill.execute("fstcompile", "--fst_type=const", p("in.txt"), p("in.fst")));
    assertEquals(0, AsrDistill.execute("fstdeterminize", p("in.fst"), p("det.fst")));
    assertEquals(0, AsrDistill.execute("fstminimize", p("det.fst"), p("min.fst")));
    assertEquals(0, AsrDistill.execute("fstarcsort", "--sort_type=olabel", p("min.fst"), p("sorted.fst")));
    assertEquals(0, AsrDistill.execute("fstprint", p("sorted.fst"), p("out.txt")));
    assertEquals("0\t1\t1\t1\t3\n1\t2\t2\t2\t1\n1\t2\t3\t3\n2\n", Files.readString(dir.resolve("out.txt")));
    assertEquals(0, AsrDistill.execute("fstshortestdistance", "--reverse", p("in.fst"), p("d.txt")));
    assertEquals("0\t3\n1\t3\n2\t1\n3\t0\n", Files.readString(dir.resolve("d.txt")));
    assertEquals(0, AsrDistill.execute("fstcompose", p("in.fst"), p("min.fst"), p("c.fst")));
    assertEquals(0, AsrDistill.execute("fstrmepsilon", p("c.fst"), p("r.fst")));
    assertEquals(0, AsrDistill.execute("fstshortestpath", "--nshortest=1", p("r.fst"), p("best.fst")));
    assertEquals(0, AsrDistill.execute("fstprint", p("best.fst"), p("best.txt")));
    assertEquals("2\t1\t1\t1\t5\n0\n1\t0\t3\t3\t1\n", Files.readString(dir.resolve("best.txt")));
    assertEquals(1, AsrDistill.execute("fstarcsort", "--sort_type=weight", p("in.fst"), p("x.fst")));
  }
}
