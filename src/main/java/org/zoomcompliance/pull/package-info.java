/**
 * Pulling from Zoom's REST API instead of waiting for CSV exports: the {@code pull} command's windows (kind, day,
 * meeting), each recorded like an export file and written through ingest's normaliser and writer.
 */
package org.zoomcompliance.pull;
