/** The web console of {@code serve}: DPO and operator pages, their security, and the audit trail. */
package org.zoomcompliance.web;
