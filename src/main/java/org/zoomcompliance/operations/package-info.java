/**
 * Operating the pipeline: job control shared by the command line, the web console and the built-in schedule, the
 * guards every launch passes, and the hash-chained audit trail.
 */
package org.zoomcompliance.operations;
