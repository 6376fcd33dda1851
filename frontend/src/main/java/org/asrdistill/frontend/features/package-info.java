/**
 * Kaldi-compatible feature extraction: framing and windowing, mel filter banks (with VTLN warping),
 * log mel filter-bank (fbank) and MFCC features, with Kaldi's options, defaults and semantics.
 */
package org.asrdistill.frontend.features;
