/** The command line: one picocli command per pipeline job, each starting the Spring context it needs. */
package org.zoomcompliance.cli;
