package org.asrdistill.cli;

import org.asrdistill.kaldiio.io.KaldiInput;
import org.asrdistill.kaldiio.io.KaldiOutput;
import org.asrdistill.kaldiio.io.Xfilenames;
import org.asrdistill.kaldiio.matrix.CompressedMatrix;
import org.asrdistill.kaldiio.matrix.CompressionMethod;
import org.asrdistill.kaldiio.matrix.FloatMatrix;
import org.asrdistill.kaldiio.table.Holders;
import org.asrdistill.kaldiio.table.Rspecifier;
import org.asrdistill.kaldiio.table.SequentialTableReader;
import org.asrdistill.kaldiio.table.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "copy-feats",
    header = "Copy feature matrices, optionally compressing them (Kaldi's compression methods 1-7).",
    customSynopsis = {"Usage: copy-feats [options] <feature-rspecifier> <feature-wspecifier>",
        "   or: copy-feats [options] <feats-rxfilename> <feats-wxfilename>"},
    footer = {"e.g.: copy-feats ark:- ark,scp:foo.ark,foo.scp",
        "  or: copy-feats --compress=true --compression-method=2 ark:feats.ark ark:feats_cm.ark",
        "See also: copy-vector, feat-to-dim, feat-to-len"})
public final class CopyFeats extends KaldiTool {
  @Option(names = "--binary", arity = "0..1", fallbackValue = "true", description = "Binary-mode output "
      + "(not relevant when writing to an archive, which uses the wspecifier's b/t). Default: ${DEFAULT-VALUE}")
  boolean binary = true;

  @Option(names = "--compress", arity = "0..1", fallbackValue = "true",
      description = "Compress the matrices (lossily). Default: ${DEFAULT-VALUE}")
  boolean compress;

  @Option(names = "--compression-method", description = "Kaldi compression method 1-7 (1 automatic, "
      + "2 speech feature, 3 two-byte auto, 4 two-byte int, 5 one-byte auto, 6 one-byte int, "
      + "7 one-byte 0-1). Default: ${DEFAULT-VALUE}")
  int compressionMethod = 1;

  @Option(names = "--write-num-frames", paramLabel = "<wspecifier>",
      description = "Wspecifier to write the number of frames of each utterance (e.g. ark,t:utt2num_frames)")
  String numFramesWspecifier;

  @Parameters(index = "0", paramLabel = "<in>")
  String in;

  @Parameters(index = "1", paramLabel = "<out>")
  String out;

  @Override
  protected int run() throws Exception {
    CompressionMethod method = CompressionMethod.ofCode(compressionMethod);
    if (!Rspecifier.isRspecifier(in)) {
      return copySingle(method);
    }
    long done = 0;
    try (SequentialTableReader<FloatMatrix> reader = SequentialTableReader.open(in, Holders.FLOAT_MATRIX);
         TableWriter<FloatMatrix> plain = compress ? null : TableWriter.open(out, Holders.FLOAT_MATRIX);
         TableWriter<CompressedMatrix> packed = compress ? TableWriter.open(out, Holders.COMPRESSED_MATRIX) : null;
         TableWriter<Integer> frames = numFramesWspecifier == null ? null
             : TableWriter.open(numFramesWspecifier, Holders.INT32)) {
      while (reader.next()) {
        FloatMatrix m = reader.value();
        if (compress) {
          packed.write(reader.key(), CompressedMatrix.compress(m, method));
        } else {
          plain.write(reader.key(), m);
        }
        if (frames != null) {
          frames.write(reader.key(), m.rows());
        }
        done++;
      }
      if (compress) {
        packed.commit();
      } else {
        plain.commit();
      }
      if (frames != null) {
        frames.commit();
      }
    }
    log("Copied " + done + " feature matrices.");
    return done > 0 ? 0 : 1;
  }

  private int copySingle(CompressionMethod method) throws Exception {
    FloatMatrix m;
    try (KaldiInput input = Xfilenames.openInput(in)) {
      m = Holders.FLOAT_MATRIX.read(input);
    }
    try (KaldiOutput output = Xfilenames.openOutput(out)) {
      if (compress) {
        Holders.COMPRESSED_MATRIX.write(output, CompressedMatrix.compress(m, method), binary);
      } else {
        Holders.FLOAT_MATRIX.write(output, m, binary);
      }
      output.commit();
    }
    log("Copied features from " + in + " to " + out);
    return 0;
  }
}
