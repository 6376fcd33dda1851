/**
 * Audio input beyond WAV: FLAC and Ogg Vorbis decoding, format detection, channel selection, Kaldi-style
 * sample-rate checks and resampling, and segment extraction.
 */
package org.asrdistill.frontend.input;
