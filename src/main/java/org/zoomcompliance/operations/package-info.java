/** Operating the pipeline: job control shared by the command line and the web console, and the built-in schedule. */
package org.zoomcompliance.operations;
