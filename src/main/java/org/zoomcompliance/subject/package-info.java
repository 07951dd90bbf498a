/** Data-subject requests (GDPR articles 15 to 18): finding a person, access, restriction, erasure, rectification. */
package org.zoomcompliance.subject;
