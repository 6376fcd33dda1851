/** Running per-utterance work on several threads while keeping the output in input order. */
package org.asrdistill.frontend.pipeline;
