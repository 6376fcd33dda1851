/**
 * The DNN training data: a memory-mapped frame store of normalised features and pdf targets, spliced windows
 * as views, shuffled minibatches with held-out validation speakers and background prefetching.
 */
package org.asrdistill.acoustic.frames;
