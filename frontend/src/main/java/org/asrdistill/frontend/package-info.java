/**
 * Speech front end: Kaldi-compatible filter-bank and MFCC features, CMVN, splicing and deltas (audio is
 * read by kaldi-io's wav package). Every algorithm matches Kaldi's semantics and option names.
 */
package org.asrdistill.frontend;
