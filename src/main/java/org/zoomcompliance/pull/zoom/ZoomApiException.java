package org.zoomcompliance.pull.zoom;

/**
 * A call Zoom did not answer usefully: refused (4xx), failed on every attempt (429, 5xx, time-outs), or a request
 * outside what Zoom answers. The message names the endpoint and the reason, never a token, a secret or a record.
 */
public class ZoomApiException extends RuntimeException {

    private final int status;

    public ZoomApiException(String message, int status) {
        super(message);
        this.status = status;
    }

    public ZoomApiException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the last answer, 0 when there was none (time-out, connection refused). */
    public int status() {
        return status;
    }

    /** Whether nothing more can be pulled by this run (the cap used up, the app's credentials refused). */
    public boolean stopsPull() {
        return false;
    }

    /** A {@code next_page_token} Zoom no longer accepts (it expires 15 minutes after it was issued). */
    public static final class PageTokenExpired extends ZoomApiException {
        public PageTokenExpired(String message) {
            super(message, 400);
        }
    }

    /** The daily cap of Heavy and Resource-intensive calls is used up: nothing more until it resets. */
    public static final class DailyCapReached extends ZoomApiException {
        public DailyCapReached(String message) {
            super(message, 429);
        }

        @Override
        public boolean stopsPull() {
            return true;
        }
    }

    /** Zoom refused the app's credentials: no token, so no call of this run can succeed. */
    public static final class CredentialsRefused extends ZoomApiException {
        public CredentialsRefused(String message, int status) {
            super(message, status);
        }

        @Override
        public boolean stopsPull() {
            return true;
        }
    }
}
