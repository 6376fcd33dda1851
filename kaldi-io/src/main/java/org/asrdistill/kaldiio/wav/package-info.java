/**
 * WAV audio as a Kaldi table type (Kaldi's WaveHolder): RIFF/RIFX PCM and IEEE-float reading with
 * samples on Kaldi's int16 scale, 16-bit PCM writing, and header-only reads for durations.
 */
package org.asrdistill.kaldiio.wav;
