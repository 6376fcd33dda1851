/**
 * HMM topologies (Kaldi's topo file), text and binary, and gen_topo.pl's default 3-state and 5-state-silence prototypes.
 */
package org.asrdistill.hmm.topology;
