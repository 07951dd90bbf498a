/** The nightly run: ingest the inbox, evaluate the months it touched, apply retention, as one restartable job. */
package org.zoomcompliance.nightly;
