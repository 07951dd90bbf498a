package org.zoomcompliance.ingest.read;

/** A file that is not a Zoom export the pipeline knows, or cannot be read as text at all. */
public final class UnknownExportException extends Exception {

    private final transient RejectionReason reason;

    public UnknownExportException(RejectionReason reason) {
        super(reason.english());
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
