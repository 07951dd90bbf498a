/** Turning raw export rows into the pipeline's typed, minimised and pseudonymised rows. */
package org.zoomcompliance.ingest.normalise;
