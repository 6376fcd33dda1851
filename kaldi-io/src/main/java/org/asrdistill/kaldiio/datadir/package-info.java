/**
 * Kaldi data directories (wav.scp, segments, text, utt2spk, spk2utt, utt2dur, ...): loading, validation
 * as utils/validate_data_dir.sh does it, and the fix, subset and combine operations of Kaldi's utils.
 */
package org.asrdistill.kaldiio.datadir;
