/**
 * GMM-HMM training drivers (Kaldi's steps/train_mono.sh and steps/train_deltas.sh as library code): features
 * and transcripts held in memory, parallel alignment and accumulation, resumable experiment directories.
 */
package org.asrdistill.acoustic.train;
