/**
 * The {@code asr-distill} command. Each tool is one thin picocli class: parse options, open tables, call
 * one library method per item, log what was done. No algorithm lives here.
 */
package org.asrdistill.cli;
