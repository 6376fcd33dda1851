package org.asrdistill.distill.loss;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The distillation objective as a DL4J loss function, for a plain {@code MultiLayerNetwork} whose output layer has
 * identity activation (the loss applies the softmaxes itself). Labels are {@code [n, 2 x numClasses]}: the soft
 * targets p_T (probabilities at the temperature) followed by the one-hot hard label. Per example:
 * {@code T^2 x CE(p_T, softmax(z/T)) + w x CE(y, softmax(z))}; the gradient is per example (DL4J's convention).
 */
public final class LossDistillation implements ILossFunction {
  private double temperature;
  private double hardWeight;

  public LossDistillation() {
    this(1, 0.5);
  }

  public LossDistillation(double temperature, double hardWeight) {
    new DistillationLoss.Options(temperature, hardWeight);
    this.temperature = temperature;
    this.hardWeight = hardWeight;
  }

  public double getTemperature() {
    return temperature;
  }

  public void setTemperature(double t) {
    this.temperature = t;
  }

  public double getHardWeight() {
    return hardWeight;
  }

  public void setHardWeight(double w) {
    this.hardWeight = w;
  }

  private static void checkActivation(IActivation a) {
    if (!(a instanceof ActivationIdentity)) {
      throw new IllegalArgumentException("LossDistillation needs an identity output activation; got: " + a);
    }
  }

  private INDArray[] split(INDArray labels, INDArray preOutput) {
    long c = preOutput.size(1);
    if (labels.size(1) != 2 * c) {
      throw new IllegalArgumentException("labels must have 2 x " + c + " columns (soft targets, one-hot); got: "
          + labels.size(1));
    }
    return new INDArray[] {labels.get(NDArrayIndex.all(), NDArrayIndex.interval(0, c)),
        labels.get(NDArrayIndex.all(), NDArrayIndex.interval(c, 2 * c))};
  }

  private static INDArray logSoftmax(INDArray z, double t) {
    INDArray s = z.div(t);
    INDArray max = s.max(1).reshape(s.size(0), 1);
    INDArray d = s.subColumnVector(max);
    INDArray lse = Transforms.log(Transforms.exp(d, true).sum(1), false).reshape(s.size(0), 1);
    return d.subColumnVector(lse);
  }

  @Override
  public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    checkActivation(activationFn);
    INDArray[] l = split(labels, preOutput);
    INDArray soft = l[0].mul(logSoftmax(preOutput, temperature)).sum(1).muli(-temperature * temperature);
    INDArray hard = l[1].mul(logSoftmax(preOutput, 1)).sum(1).muli(-hardWeight);
    INDArray out = soft.addi(hard).reshape(preOutput.size(0), 1);
    if (mask != null) {
      out.muliColumnVector(mask.reshape(mask.length(), 1).castTo(out.dataType()));
    }
    return out;
  }

  @Override
  public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
      boolean average) {
    double s = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
    return average ? s / preOutput.size(0) : s;
  }

  @Override
  public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    checkActivation(activationFn);
    INDArray[] l = split(labels, preOutput);
    INDArray qT = Transforms.exp(logSoftmax(preOutput, temperature), false);
    INDArray q1 = Transforms.exp(logSoftmax(preOutput, 1), false);
    INDArray g = qT.subi(l[0]).muli(temperature).addi(q1.subi(l[1]).muli(hardWeight));
    if (mask != null) {
      g.muliColumnVector(mask.reshape(mask.length(), 1).castTo(g.dataType()));
    }
    return g;
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask, boolean average) {
    return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
        computeGradient(labels, preOutput, activationFn, mask));
  }

  @Override
  public String name() {
    return "LossDistillation(T=" + temperature + ",w=" + hardWeight + ")";
  }

  @Override
  public String toString() {
    return name();
  }

}
