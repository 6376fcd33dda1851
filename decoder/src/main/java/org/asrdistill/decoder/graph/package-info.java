/**
 * Decoding-graph construction as Kaldi's prepare_lang.sh and mkgraph.sh: lexicon FSTs (L, L_disambig), grammar
 * FSTs (G from ARPA, word loops), context (C) and HMM (H) transducers, HCLG and per-utterance training graphs.
 */
package org.asrdistill.decoder.graph;
