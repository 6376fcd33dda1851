/**
 * Word alignment of a reference and a hypothesis with sclite's dynamic-programming costs and tie-breaking,
 * so that correct, substitution, deletion and insertion counts equal sclite's for every utterance.
 */
package org.asrdistill.eval.align;
