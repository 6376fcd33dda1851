/**
 * Kaldi's embedded basic-type encoding (ReadBasicType, integer vectors, vectors and matrices inside objects), text and binary.
 */
package org.asrdistill.hmm.io;
