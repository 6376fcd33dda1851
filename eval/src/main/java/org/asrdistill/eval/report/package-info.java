/**
 * Result records (one JSON schema written by every training, distillation, decoding and scoring tool)
 * and the Markdown and self-contained HTML report with embedded SVG plots built from them.
 */
package org.asrdistill.eval.report;
