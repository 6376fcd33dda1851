/**
 * Cepstral mean and variance normalisation as in Kaldi: statistics in Kaldi's 2 x (dim+1) format (per
 * utterance or per speaker), applying them, and sliding-window CMN.
 */
package org.asrdistill.frontend.cmvn;
