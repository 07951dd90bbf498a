/**
 * A client of Zoom's REST API on Spring's {@code RestClient}: Server-to-Server OAuth tokens, paging, per-category
 * rate limits and the daily cap, retries with back-off, and the limits of what Zoom answers (its 6-month horizon).
 */
package org.zoomcompliance.pull.zoom;
