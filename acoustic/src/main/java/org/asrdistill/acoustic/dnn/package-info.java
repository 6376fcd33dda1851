/** Feed-forward DNN acoustic models: topology presets and a fast ND4J training engine. */
package org.asrdistill.acoustic.dnn;
