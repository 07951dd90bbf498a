package org.zoomcompliance.operations;

import org.zoomcompliance.infrastructure.JobRefusedException;

/**
 * A launch refused because its day or month lies outside what the pipeline may process (a date after today, a
 * month with no data held): on the command line, a usage error.
 */
public class OutOfRangeException extends JobRefusedException {

    public OutOfRangeException(String message) {
        super(message);
    }
}
