package org.zoomcompliance.ingest;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ingest.IngestReport.Status;

/**
 * Moves an inbox file out of the inbox once its {@code ingestFileJob} completed: to {@code processed/}, or to
 * {@code quarantine/} when the survey rejected it. An operator's {@code jobs restart} of a stopped file completes
 * it outside {@link Ingestion}, and the file would otherwise stay in the inbox.
 */
final class SettleInboxFile implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(SettleInboxFile.class);

    private final InboxFiles inboxFiles;
    private final JdbcTemplate jdbc;

    SettleInboxFile(InboxFiles inboxFiles, JdbcTemplate jdbc) {
        this.inboxFiles = inboxFiles;
        this.jdbc = jdbc;
    }

    @Override
    public void afterJob(JobExecution execution) {
        String path = execution.getJobParameters().getString(IngestFileJobConfiguration.PATH);
        Path file = path == null ? null : FileNames.fromParameter(path);
        if (execution.getStatus() != BatchStatus.COMPLETED || file == null || !inboxFiles.inInbox(file)) {
            return;
        }
        String sha256 = execution.getJobParameters().getString(IngestFileJobConfiguration.SHA256);
        List<String[]> record = jdbc.query("select status, reasons from source_file where sha256 = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, sha256);
        if (record.isEmpty()) {
            return;
        }
        Status status = record.get(0)[0].equals("QUARANTINED") ? Status.QUARANTINED : Status.COMPLETED;
        try {
            inboxFiles.settle(file, status, sha256, record.get(0)[1]);
        } catch (RuntimeException e) {
            log.warn("ingested {} but could not move it out of the inbox: {}", FileNames.display(file),
                    e.getMessage());
        }
    }
}
