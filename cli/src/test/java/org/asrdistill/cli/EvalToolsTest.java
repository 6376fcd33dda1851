package org.asrdistill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalToolsTest {
  @TempDir
  Path tmp;

  private String run(int expectedStatus, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      assertEquals(expectedStatus, AsrDistill.execute(args));
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void computeWerWritesKaldiOutputReportsAndResult() throws Exception {
    Path ref = tmp.resolve("ref.txt");
    Path hyp = tmp.resolve("hyp.trn");
    Files.write(ref, List.of("s1-u1 a b c d", "s1-u2 x y z", "s2-u1 a a a"));
    Files.write(hyp, List.of("a c c d e (s1-u1)", "(s1-u2)"));
    assertEquals("%WER 80.00 [ 8 / 10, 1 ins, 6 del, 1 sub ] [PARTIAL]\n%SER 100.00 [ 3 / 3 ]\n"
        + "Scored 3 sentences, 1 not present in hyp.\n",
        run(0, "compute-wer", "--mode=all", "--pra=" + tmp.resolve("o.pra"), "--dtl=" + tmp.resolve("o.dtl"),
            "--write-result=" + tmp.resolve("res/wer.json"), "--system=baseline", "--lm-weight=10",
            "ark:" + ref, hyp.toString()));
    assertTrue(Files.readString(tmp.resolve("o.pra")).contains("Scores: (#C #S #D #I) 3 1 0 1"));
    assertTrue(Files.readString(tmp.resolve("res/wer.json")).contains("\"lmWeight\" : 10.0"));
    run(1, "compute-wer", "ark:" + ref, hyp.toString()); // strict mode: missing hypothesis

    String boot = run(0, "compute-wer-bootci", "--replications=200", "--mode=all", "ark:" + ref, hyp.toString(),
        "ark:" + ref);
    assertTrue(boot.matches("(?s)Set1: %WER \\d+\\.\\d\\d 95% Conf Interval \\[ -?\\d+\\.\\d\\d, \\d+\\.\\d\\d \\]\n"
        + "Set2: %WER 0\\.00 95% Conf Interval \\[ 0\\.00, 0\\.00 \\]\nProbability of Set2 improving Set1: "
        + "\\d+\\.\\d\\d\n"), boot);

    run(0, "report", "--out=" + tmp.resolve("rep"), tmp.resolve("res").toString());
    assertTrue(Files.readString(tmp.resolve("rep/report.html")).contains("baseline"));
  }

  @Test
  void frameAccuracyOfAlignmentsAndPosteriors() throws Exception {
    Path ref = tmp.resolve("ref.ali");
    Files.write(ref, List.of("u1 1 1 2 3", "u2 0 2"));
    Path hyp = tmp.resolve("hyp.ali");
    Files.write(hyp, List.of("u1 1 2 2 3", "u2 0 0"));
    String out = run(0, "frame-accuracy", "ark,t:" + ref, "ark,t:" + hyp);
    assertTrue(out.startsWith("Frame accuracy 66.67% [ 4 / 6 frames, 2 utterances ]\n"), out);
    assertTrue(out.contains("  1 -> 2: 1 (16.67%)"), out);
    Path post = tmp.resolve("post.txt");
    Files.write(post, List.of("u1 [", " 0 1 0 0", " 0 1 0 0", " 0 0 1 0", " 0 0 0 1 ]", "u2 [", " 1 0 0 0",
        " 0 0 1 0 ]"));
    String out2 = run(0, "frame-accuracy", "--posteriors", "--write-result=" + tmp.resolve("fa.json"),
        "ark,t:" + ref, "ark,t:" + post);
    assertTrue(out2.startsWith("Frame accuracy 100.00% [ 6 / 6 frames, 2 utterances ]\n"), out2);
    assertTrue(Files.readString(tmp.resolve("fa.json")).contains("\"frames\" : 6"));
  }
}
