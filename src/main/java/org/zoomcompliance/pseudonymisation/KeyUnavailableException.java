package org.zoomcompliance.pseudonymisation;

/** The pseudonymisation key cannot be read or is unfit; jobs that need it stop before writing anything. */
public class KeyUnavailableException extends RuntimeException {

    public KeyUnavailableException(String message) {
        super(message);
    }

    public KeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
