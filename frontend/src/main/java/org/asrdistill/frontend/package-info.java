/**
 * Speech front end: audio reading, Kaldi-compatible filter-bank and MFCC features, CMVN, splicing and
 * deltas. Every algorithm matches Kaldi's semantics and option names.
 */
package org.asrdistill.frontend;
