/**
 * Fast Fourier transforms for feature extraction: radix-2 for powers of two, Bluestein's chirp-z for any
 * other length, and a real-input transform built on them that yields power spectra.
 */
package org.asrdistill.frontend.fft;
