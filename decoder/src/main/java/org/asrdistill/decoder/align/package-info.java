/**
 * Forced alignment (Kaldi's align-mapped): Viterbi alignment of an utterance against its training graph
 * with a beam and a retry beam.
 */
package org.asrdistill.decoder.align;
