package org.asrdistill.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.asrdistill.fst.Fst;
import org.asrdistill.fst.io.OpenFstBinary;

/** Reading and writing FSTs for the fst* tools: a missing name or "-" means standard input/output. */
final class FstFiles {
  private FstFiles() {
  }

  static boolean isStd(String name) {
    return name == null || name.equals("-");
  }

  static OpenFstBinary.Loaded load(String name) throws IOException {
    if (isStd(name)) {
      return OpenFstBinary.read(System.in, "standard input");
    }
    try (InputStream in = Files.newInputStream(Path.of(name))) {
      return OpenFstBinary.read(in, name);
    }
  }

  static Fst read(String name) throws IOException {
    return load(name).fst();
  }

  /** Writes the FST in OpenFst binary form (to a temporary name renamed when complete for files). */
  static void write(Fst fst, String name, String fstType) throws IOException {
    if (isStd(name)) {
      OpenFstBinary.write(fst, System.out, fstType);
      System.out.flush();
    } else {
      OpenFstBinary.write(fst, Path.of(name), fstType);
    }
  }

  /** Text output: a writer to standard output or to a temporary file renamed by {@link TextOut#commit()}. */
  static final class TextOut implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final OutputStream stream;
    final Writer writer;

    TextOut(String name) throws IOException {
      if (isStd(name)) {
        target = null;
        tmp = null;
        stream = System.out;
      } else {
        target = Path.of(name);
        tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        OpenFstBinary.readableByAll(tmp);
        stream = Files.newOutputStream(tmp);
      }
      writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    void commit() throws IOException {
      writer.flush();
      if (target != null) {
        stream.close();
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }

    @Override
    public void close() throws IOException {
      writer.flush();
      if (tmp != null) {
        stream.close();
        Files.deleteIfExists(tmp);
      }
    }
  }
}
