/**
 * Kaldi tables: rspecifiers and wspecifiers, sequential and random-access readers over archives and
 * scp lists (with byte offsets and row/column ranges), and archive writers, one {@link
 * org.asrdistill.kaldiio.table.Holder} per object type.
 */
package org.asrdistill.kaldiio.table;
