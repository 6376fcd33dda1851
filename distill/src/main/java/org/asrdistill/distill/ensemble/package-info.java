/**
 * Ensembles of DNN acoustic models combined by the arithmetic or geometric mean of their posteriors.
 */
package org.asrdistill.distill.ensemble;
