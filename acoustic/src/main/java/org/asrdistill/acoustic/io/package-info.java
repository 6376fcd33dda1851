/**
 * Kaldi's encodings of the double-precision and small basic types that training statistics use (double
 * vectors and matrices, bool, uint16), in binary and text mode.
 */
package org.asrdistill.acoustic.io;
