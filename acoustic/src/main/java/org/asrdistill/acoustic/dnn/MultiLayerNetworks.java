package org.asrdistill.acoustic.dnn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The same network as a DL4J {@link MultiLayerNetwork} (dense ReLU layers, softmax output, multi-class
 * cross-entropy): building one, copying parameters both ways, and the model file (DL4J's zip format).
 */
public final class MultiLayerNetworks {
  private MultiLayerNetworks() {}

  /** A DL4J configuration of {@code topology} trained with {@code updater}. */
  public static MultiLayerConfiguration configuration(DnnTopology topology, IUpdater updater, DataType dataType,
      long seed) {
    NeuralNetConfiguration.ListBuilder lb = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(dataType)
        .updater(updater)
        .weightInit(WeightInit.RELU_UNIFORM)
        .list();
    for (int l = 0; l < topology.hiddenLayers(); l++) {
      lb.layer(new DenseLayer.Builder().nIn(topology.layerIn(l)).nOut(topology.layerOut(l))
          .activation(Activation.RELU).build());
    }
    int last = topology.hiddenLayers();
    lb.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(topology.layerIn(last))
        .nOut(topology.numPdfs()).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER_UNIFORM).build());
    return lb.build();
  }

  /** A new, initialised DL4J network with the engine's topology and a copy of its parameters. */
  public static MultiLayerNetwork toNetwork(DnnTrainer engine, IUpdater updater) {
    DataType dt = engine.weights(0).dataType();
    MultiLayerNetwork net = new MultiLayerNetwork(configuration(engine.topology(), updater, dt,
        engine.options().seed()));
    net.init();
    for (int l = 0; l < engine.topology().numLayers(); l++) {
      net.getLayer(l).getParam("W").assign(engine.weights(l).transpose());
      net.getLayer(l).getParam("b").assign(engine.bias(l));
    }
    return net;
  }

  /** Copies a DL4J network's parameters into the engine (shapes must match the engine's topology). */
  public static void copyInto(MultiLayerNetwork net, DnnTrainer engine) {
    DnnTopology t = engine.topology();
    if (net.getnLayers() != t.numLayers()) {
      throw new IllegalArgumentException("network must have " + t.numLayers() + " layers; got: " + net.getnLayers());
    }
    for (int l = 0; l < t.numLayers(); l++) {
      long[] shape = net.getLayer(l).getParam("W").shape();
      if (shape[0] != t.layerIn(l) || shape[1] != t.layerOut(l)) {
        throw new IllegalArgumentException("layer " + l + " must be " + t.layerIn(l) + " x " + t.layerOut(l)
            + "; got: " + shape[0] + " x " + shape[1]);
      }
      engine.weights(l).assign(net.getLayer(l).getParam("W").transpose());
      engine.bias(l).assign(net.getLayer(l).getParam("b"));
    }
  }

  /** The topology of a DL4J network built by {@link #configuration}. */
  public static DnnTopology topologyOf(MultiLayerNetwork net) {
    int layers = net.getnLayers();
    long in = net.getLayer(0).getParam("W").shape()[0];
    long hidden = layers > 1 ? net.getLayer(0).getParam("W").shape()[1] : 0;
    long out = net.getLayer(layers - 1).getParam("W").shape()[1];
    return new DnnTopology((int) in, layers - 1, (int) hidden, (int) out);
  }

  /** Writes the engine's parameters as a DL4J model zip (to a temporary name, renamed when complete). */
  public static void save(DnnTrainer engine, Path file) throws IOException {
    MultiLayerNetwork net = toNetwork(engine, new Sgd(0.0));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      ModelSerializer.writeModel(net, tmp.toFile(), false);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads a DL4J model zip written by {@link #save} into a new engine with the given options. */
  public static DnnTrainer load(Path file, TrainerOptions options) throws IOException {
    MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
    DnnTrainer engine = new DnnTrainer(topologyOf(net), options);
    copyInto(net, engine);
    return engine;
  }
}
