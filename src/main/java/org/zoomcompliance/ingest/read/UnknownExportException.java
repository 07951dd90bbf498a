package org.zoomcompliance.ingest.read;

import org.zoomcompliance.infrastructure.Sentence;

/** A file that is not a Zoom export the pipeline knows, or cannot be read as text at all. */
public final class UnknownExportException extends Exception {

    private final transient Sentence reason;

    public UnknownExportException(Sentence reason) {
        super(reason.english());
        this.reason = reason;
    }

    public Sentence reason() {
        return reason;
    }
}
