/**
 * Kaldi lattices: the (graph, acoustic) cost pair semiring, state-level lattices, lattice-beam pruning,
 * determinization to word lattices (CompactLattice), best path, scaling and Kaldi's lattice archive format.
 */
package org.asrdistill.decoder.lattice;
