/**
 * Context-dependency trees (Kaldi's tree file): event maps CE/TE/SE, pdf lookup for a phone window, monophone trees.
 */
package org.asrdistill.hmm.tree;
