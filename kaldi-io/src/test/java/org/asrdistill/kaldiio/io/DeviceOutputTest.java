package org.asrdistill.kaldiio.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.TableWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Writing to a device (ark:/dev/null) goes straight to it: the device is never replaced by a file. */
class DeviceOutputTest {
  @Test
  void devNullStaysADevice() throws Exception {
    Path devNull = Path.of("/dev/null");
    Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null here");
    try (TableWriter<FloatMatrix> w = TableWriter.open("ark:/dev/null", Holders.FLOAT_MATRIX)) {
      w.write("a", new FloatMatrix(2, 3));
      w.commit();
    }
    assertFalse(Files.isRegularFile(devNull), "/dev/null was replaced by a regular file");
    assertTrue(Files.exists(devNull));
  }
}
