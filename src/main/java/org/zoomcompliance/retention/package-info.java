/** Retention of the pipeline's own data: expired rows, raw exports, reports and unused keys are purged, with evidence. */
package org.zoomcompliance.retention;
