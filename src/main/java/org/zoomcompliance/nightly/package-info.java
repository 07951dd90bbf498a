/**
 * The nightly run: pull the day before from Zoom's API (when configured), ingest the inbox, evaluate the months
 * touched, apply retention, as one restartable job.
 */
package org.zoomcompliance.nightly;
