/**
 * Weighted finite-state transducers with integer states and arcs held in primitive arrays: the read-only
 * {@link org.asrdistill.fst.Fst} view, the mutable {@link org.asrdistill.fst.VectorFst}, the compact
 * {@link org.asrdistill.fst.ConstFst}, the tropical and log semirings and symbol tables.
 */
package org.asrdistill.fst;
