/**
 * HMM-level models in Kaldi's formats: phone sets, topology, transition model, context-dependency tree, diagonal GMMs and the Decodable interface.
 */
package org.asrdistill.hmm;
