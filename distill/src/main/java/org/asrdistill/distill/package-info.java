/**
 * Knowledge distillation of an ensemble of DNN acoustic models into one network (Hinton, Vinyals and Dean, 2015).
 */
package org.asrdistill.distill;
