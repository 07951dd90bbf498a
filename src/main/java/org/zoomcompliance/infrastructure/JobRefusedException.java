package org.zoomcompliance.infrastructure;

/** A job launch refused before it started: not available, already running, already complete. */
public class JobRefusedException extends RuntimeException {

    public JobRefusedException(String message) {
        super(message);
    }

    public JobRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
