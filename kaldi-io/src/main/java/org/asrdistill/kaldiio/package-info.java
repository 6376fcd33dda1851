/**
 * Reading and writing Kaldi's on-disk formats: tables named by r/wspecifiers, matrices, vectors,
 * alignments, posteriors, compressed matrices, WAV audio and data directories.
 */
package org.asrdistill.kaldiio;
