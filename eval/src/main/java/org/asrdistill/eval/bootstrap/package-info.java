/**
 * Paired bootstrap (Bisani and Ney, 2004) over utterances: confidence intervals of a WER and the
 * probability that one system improves on another scored on the same utterances.
 */
package org.asrdistill.eval.bootstrap;
