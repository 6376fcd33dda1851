/**
 * Frame accuracy: reference pdf alignments against a model's per-frame argmax or another alignment,
 * with per-class accuracy and the most frequent confusions.
 */
package org.asrdistill.eval.frames;
