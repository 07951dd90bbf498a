/** Reading exports: strict decoding, CSV records, header recognition by alias table, date shapes. */
package org.zoomcompliance.ingest.read;
