/**
 * Low-level Kaldi stream encoding: binary headers, tokens, size-prefixed basic types, text numbers, and
 * the byte sources and sinks behind rxfilenames and wxfilenames (files, offsets, pipes, standard streams).
 */
package org.asrdistill.kaldiio.io;
