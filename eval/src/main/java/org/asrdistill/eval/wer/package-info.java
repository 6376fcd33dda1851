/**
 * Word error rate scoring with Kaldi's compute-wer semantics (modes strict, present, all) and sclite's
 * alignment: transcripts from Kaldi tables, text files or sclite trn files, and the summary, per-speaker,
 * per-utterance and confusion reports.
 */
package org.asrdistill.eval.wer;
