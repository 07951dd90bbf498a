/** A month's bounds and windows, and the facts an evaluation judged it on, which every output reads. */
package org.zoomcompliance.month;
