/** Set-based writes of normalised rows with natural keys, and the per-file accounting. */
package org.zoomcompliance.ingest.write;
