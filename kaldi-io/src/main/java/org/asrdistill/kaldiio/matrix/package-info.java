/**
 * Kaldi's numeric objects: float and double matrices and vectors, compressed matrices (CM, CM2, CM3),
 * posteriors, and their binary and text encodings.
 */
package org.asrdistill.kaldiio.matrix;
