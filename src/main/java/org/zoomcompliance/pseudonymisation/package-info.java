/** Keyed pseudonyms for IP addresses and other identifiers, and the key store they are made with. */
package org.zoomcompliance.pseudonymisation;
