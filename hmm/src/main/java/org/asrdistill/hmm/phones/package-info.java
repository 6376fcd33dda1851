/**
 * Phone sets as Kaldi's prepare_lang.sh makes them: word-position-dependent phones, silence and disambiguation symbols, phones.txt and the phones/ directory.
 */
package org.asrdistill.hmm.phones;
