/**
 * FST operations as static methods of final classes. Each method's javadoc states its complexity and
 * whether it modifies its argument (in-place methods take a {@code VectorFst}) or returns a new FST
 * (those never touch their arguments).
 */
package org.asrdistill.fst.ops;
