package org.asrdistill.kaldiio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every main package of every module in the reactor has a package-info.java (CONVENTIONS.md). */
class PackageInfoTest {
  @Test
  void everyPackageHasPackageInfo() throws IOException {
    Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    List<Path> missing;
    try (Stream<Path> dirs = Files.walk(root)) {
      missing = dirs.filter(Files::isDirectory)
          .filter(d -> d.toString().contains("/src/main/java/") && !d.toString().contains("/target/"))
          .filter(PackageInfoTest::hasJava)
          .filter(d -> !Files.exists(d.resolve("package-info.java")))
          .toList();
    }
    assertTrue(Files.isDirectory(root.resolve("kaldi-io/src/main/java")), "reactor root not found: " + root);
    assertTrue(missing.isEmpty(), "packages without package-info.java: " + missing);
  }

  private static boolean hasJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
