/**
 * The distillation loss: T^2 x CE(softmax(teacher / T), softmax(z / T)) + w x CE(hard label, softmax(z)), in a
 * double-precision reference form, a fused form for the DNN engine and a DL4J loss function.
 */
package org.asrdistill.distill.loss;
