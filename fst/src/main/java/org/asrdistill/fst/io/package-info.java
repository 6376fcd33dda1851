/**
 * OpenFst file formats: binary {@code vector} and {@code const} FSTs with embedded symbol tables (readable
 * by OpenFst's tools and reading what they write) and the AT&amp;T text form of fstcompile/fstprint.
 */
package org.asrdistill.fst.io;
