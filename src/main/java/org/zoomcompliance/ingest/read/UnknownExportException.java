package org.zoomcompliance.ingest.read;

/** A file that is not a Zoom export the pipeline knows, or cannot be read as text at all. */
public final class UnknownExportException extends Exception {

    public UnknownExportException(String reason) {
        super(reason);
    }
}
