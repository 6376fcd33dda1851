/**
 * Phonetic decision trees as Kaldi builds them: tree statistics per (phone context, pdf class), automatic
 * phone questions, likelihood-gain splitting with shared/split roots, clustering, and GMM initialisation
 * from the tree.
 */
package org.asrdistill.acoustic.tree;
