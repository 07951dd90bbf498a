/** The institution's policy and its evaluation: the rule catalogue, sessionisation and the evaluate job. */
package org.zoomcompliance.policy;
