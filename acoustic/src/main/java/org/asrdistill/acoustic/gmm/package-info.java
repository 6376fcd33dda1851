/**
 * Maximum-likelihood training of diagonal-covariance GMM acoustic models as Kaldi's gmm tools do it:
 * statistics accumulation over alignments, EM re-estimation, mixing up, transition re-estimation,
 * monophone initialisation and equal alignment for the flat start.
 */
package org.asrdistill.acoustic.gmm;
