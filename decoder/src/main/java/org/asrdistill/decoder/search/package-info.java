/**
 * Viterbi token-passing beam search over a decoding graph (Kaldi's FasterDecoder and LatticeFasterDecoder
 * semantics): 1-best words, alignments, word times and state-level lattices.
 */
package org.asrdistill.decoder.search;
