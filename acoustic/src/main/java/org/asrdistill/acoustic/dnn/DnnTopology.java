package org.asrdistill.acoustic.dnn;

/**
 * Shape of a feed-forward acoustic DNN: {@code inputDim} spliced features, {@code hiddenLayers} ReLU layers
 * of {@code hiddenDim} units, and a softmax over {@code numPdfs} tied HMM states.
 */
public record DnnTopology(int inputDim, int hiddenLayers, int hiddenDim, int numPdfs) {
  /** 40 log Mel filter-bank coefficients per frame. */
  public static final int FBANK_DIM = 40;
  /** Frames of left context in the paper's splice window. */
  public static final int SPLICE_LEFT = 20;
  /** Frames of right context in the paper's splice window. */
  public static final int SPLICE_RIGHT = 5;
  /** 26 stacked frames of 40 filter-bank coefficients = 1040 inputs. */
  public static final int SPLICED_FBANK_DIM = FBANK_DIM * (SPLICE_LEFT + 1 + SPLICE_RIGHT);

  public DnnTopology {
    if (inputDim < 1) {
      throw new IllegalArgumentException("inputDim must be >= 1; got: " + inputDim);
    }
    if (hiddenLayers < 0) {
      throw new IllegalArgumentException("hiddenLayers must be >= 0; got: " + hiddenLayers);
    }
    if (hiddenLayers > 0 && hiddenDim < 1) {
      throw new IllegalArgumentException("hiddenDim must be >= 1; got: " + hiddenDim);
    }
    if (numPdfs < 2) {
      throw new IllegalArgumentException("numPdfs must be >= 2; got: " + numPdfs);
    }
  }

  /** The paper's network: 1040 inputs, 8 x 2560 ReLU, softmax over {@code numPdfs} (about 85M parameters at 14,000). */
  public static DnnTopology paper(int numPdfs) {
    return new DnnTopology(SPLICED_FBANK_DIM, 8, 2560, numPdfs);
  }

  /** A laptop-sized network for a 2-core CPU: 1040 inputs, 4 x 512 ReLU (about 1.3M parameters + the output layer). */
  public static DnnTopology cpu(int numPdfs) {
    return new DnnTopology(SPLICED_FBANK_DIM, 4, 512, numPdfs);
  }

  /** A preset by name: {@code paper} or {@code cpu}. */
  public static DnnTopology preset(String name, int numPdfs) {
    return switch (name) {
      case "paper" -> paper(numPdfs);
      case "cpu" -> cpu(numPdfs);
      default -> throw new IllegalArgumentException("preset must be paper or cpu; got: " + name);
    };
  }

  /** Number of affine layers (hidden layers + the output layer). */
  public int numLayers() {
    return hiddenLayers + 1;
  }

  /** Input dimension of affine layer {@code l} (0-based). */
  public int layerIn(int l) {
    return l == 0 ? inputDim : hiddenDim;
  }

  /** Output dimension of affine layer {@code l} (0-based). */
  public int layerOut(int l) {
    return l == hiddenLayers ? numPdfs : hiddenDim;
  }

  /** Weights and biases of all layers. */
  public long numParams() {
    long n = 0;
    for (int l = 0; l < numLayers(); l++) {
      n += (long) layerIn(l) * layerOut(l) + layerOut(l);
    }
    return n;
  }

  @Override
  public String toString() {
    return inputDim + "-" + (hiddenLayers == 0 ? "" : hiddenLayers + "x" + hiddenDim + "-") + numPdfs;
  }
}
