/** Synthetic Zoom exports of every kind, with planted deviations, for demos and benchmarks. */
package org.zoomcompliance.generate;
