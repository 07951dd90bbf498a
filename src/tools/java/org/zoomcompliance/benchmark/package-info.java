/** The benchmark's floor: how fast a plain CSV parse reads the exports, the yardstick ingest is measured by. */
package org.zoomcompliance.benchmark;
