/**
 * Kaldi's TransitionModel (transition states and 1-based transition-ids) and alignment conversions (ali-to-pdf, ali-to-phones).
 */
package org.asrdistill.hmm.transition;
