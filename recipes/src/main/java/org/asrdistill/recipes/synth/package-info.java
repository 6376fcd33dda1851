/**
 * The built-in synthetic corpora: speech synthesised on this machine with Debian's flite, festival and
 * espeak-ng voices, perturbed per speaker (tempo, pitch, noise), written as Kaldi data directories.
 */
package org.asrdistill.recipes.synth;
