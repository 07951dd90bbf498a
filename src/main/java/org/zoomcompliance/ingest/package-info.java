/** Ingestion of Zoom export files: recognise, read, pseudonymise and store every row, or account for it. */
package org.zoomcompliance.ingest;
