/** Shared infrastructure: the home folder, the database (embedded or external) and job launching. */
package org.zoomcompliance.infrastructure;
