/**
 * WAV audio: parsing RIFF/WAVE files (PCM 8/16/24/32-bit and IEEE float) into samples on Kaldi's int16
 * scale, and a table holder so that {@code scp:wav.scp} and wav archives can be read like any table.
 */
package org.asrdistill.frontend.audio;
