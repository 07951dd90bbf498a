package org.zoomcompliance.ingest;

import java.util.List;
import org.zoomcompliance.infrastructure.Sentence;

/**
 * What an ingestion run did, file by file. Quarantined and already-ingested files are handled outcomes; only a
 * failed file (to be re-run) makes {@link #allCompleted()} false.
 */
public record IngestReport(List<FileOutcome> files) {

    /** How one file ended. */
    public enum Status {
        /** Rows read and stored (rejected rows, if any, are in the quarantine table). */
        COMPLETED,
        /** The same content was already ingested: nothing added. */
        ALREADY_INGESTED,
        /** The whole file was rejected (unknown kind, wrong encoding, unresolvable dates). */
        QUARANTINED,
        /** The job failed (for instance no usable key): run ingest again to resume. */
        FAILED,
        /**
         * Not tried again by the nightly run: the same content failed before past the rejected-rows limit in force.
         * Left in the inbox until the limit is raised, the file replaced, or an operator ingests it.
         */
        SKIPPED
    }

    /**
     * One file's outcome and counts; {@code reason} says why it was quarantined or failed, or what its rows' rejections
     * were (null when there is nothing to say), as a key and arguments each reader says in its language.
     */
    public record FileOutcome(String fileName, String sha256, String kind, Status status, long rowsRead,
            long rowsIngested, long rowsRejected, long rowsDuplicate, Long jobExecutionId, Sentence reason) {

        /** The reason in English, as the logs and the reason file say it; null when there is none. */
        public String reasonText() {
            return reason == null ? null : reason.english();
        }
    }

    public IngestReport {
        files = List.copyOf(files);
    }

    public boolean allCompleted() {
        return files.stream().noneMatch(file -> file.status() == Status.FAILED);
    }

    public long rowsRead() {
        return files.stream().mapToLong(FileOutcome::rowsRead).sum();
    }

    public long rowsIngested() {
        return files.stream().mapToLong(FileOutcome::rowsIngested).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileOutcome::rowsRejected).sum();
    }

    public long rowsDuplicate() {
        return files.stream().mapToLong(FileOutcome::rowsDuplicate).sum();
    }
}
