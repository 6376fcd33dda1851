/**
 * N-gram language models: ARPA reading and writing and interpolated modified Kneser-Ney estimation from text
 * (the make-lm tool).
 */
package org.asrdistill.decoder.lm;
