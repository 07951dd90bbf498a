/** The web console of {@code serve}: DPO and operator pages and their security (throttled, audited sign-ins). */
package org.zoomcompliance.web;
