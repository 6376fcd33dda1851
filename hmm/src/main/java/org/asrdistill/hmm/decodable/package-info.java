/**
 * The decoder's view of an acoustic model (Kaldi's DecodableInterface) and matrix-backed implementations.
 */
package org.asrdistill.hmm.decodable;
