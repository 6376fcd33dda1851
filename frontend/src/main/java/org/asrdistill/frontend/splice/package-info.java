/**
 * Frame context: splicing neighbouring frames (edges repeated, as Kaldi), a zero-copy spliced view for
 * training batches, and delta features.
 */
package org.asrdistill.frontend.splice;
