/**
 * Teacher caches: one pass of an ensemble over the training frames, stored compactly and memory-mapped, indexed
 * by the frame store's frame numbers.
 */
package org.asrdistill.distill.cache;
