package org.zoomcompliance.pull;

/** The API cannot be used as configured: no app, or a client secret missing or open to other accounts. */
public class PullConfigurationException extends RuntimeException {

    public PullConfigurationException(String message) {
        super(message);
    }
}
