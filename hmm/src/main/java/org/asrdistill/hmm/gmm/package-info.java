/**
 * Diagonal-covariance GMM acoustic models (Kaldi's DiagGmm, AmDiagGmm) and the final.mdl file (transition model + GMMs).
 */
package org.asrdistill.hmm.gmm;
