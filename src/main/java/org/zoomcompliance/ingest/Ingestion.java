package org.zoomcompliance.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.zoomcompliance.infrastructure.HomeFolder;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.ingest.normalise.Sanitiser;

/**
 * Ingests Zoom export files: the entry point of the {@code ingest} command, {@code demo} and {@code nightly}.
 *
 * <p>Each file runs as one {@code ingestFileJob} keyed by its content's SHA-256: content already ingested (or
 * quarantined) is skipped, a failed run is resumed from its last committed chunk, and one file's failure never
 * stops the others. Folders are walked recursively, in name order, for {@code *.csv} files; files are ingested
 * two at a time by default.
 */
@Service
public class Ingestion {

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

    private final JobRunner jobRunner;
    private final JdbcTemplate jdbc;
    private final HomeFolder home;
    private final InboxFiles inboxFiles;

    private final int filesInParallel;

    Ingestion(JobRunner jobRunner, JdbcTemplate jdbc, HomeFolder home, InboxFiles inboxFiles,
            @Value("${zoom-compliance.ingest.files-in-parallel:2}") int filesInParallel) {
        this.jobRunner = jobRunner;
        this.jdbc = jdbc;
        this.home = home;
        this.inboxFiles = inboxFiles;
        this.filesInParallel = filesInParallel;
    }

    /** Ingests files and folders in place: nothing is moved or modified; rejected files get a reason file. */
    public IngestReport ingest(List<Path> filesOrFolders) {
        return ingest(filesOrFolders, outcome -> { });
    }

    /** As {@link #ingest(List)}, telling {@code ended} of each file as soon as it is done. */
    public IngestReport ingest(List<Path> filesOrFolders, Consumer<FileOutcome> ended) {
        return new IngestReport(ingestSideBySide(expand(filesOrFolders), (file, outcome) -> {
            if (outcome.status() == Status.QUARANTINED) {
                inboxFiles.writeReason(file, outcome.sha256(), outcome.reason());
            }
            ended.accept(outcome);
        }));
    }

    /**
     * Ingests the home's {@code inbox/}: each handled file moves to {@code processed/}, or to {@code quarantine/}
     * with a reason file when it was rejected as a whole; a failed file stays in the inbox for the next run.
     */
    public IngestReport ingestInbox() {
        return ingestInbox(outcome -> { });
    }

    /** As {@link #ingestInbox()}, telling {@code ended} of each file as soon as it is done. */
    public IngestReport ingestInbox(Consumer<FileOutcome> ended) {
        return new IngestReport(ingestSideBySide(expand(List.of(home.inbox())), (file, outcome) -> {
            try {
                inboxFiles.settle(file, outcome.status(), outcome.sha256(), outcome.reason());
            } catch (UncheckedIOException e) {
                log.warn("ingested {} but could not move it out of the inbox: {}", file.getFileName(), e.getMessage());
            }
            ended.accept(outcome);
        }));
    }

    /**
     * Ingests files a few at a time ({@code zoom-compliance.ingest.files-in-parallel}): while one file's chunk is
     * being written, another file is read, and the small files' job bookkeeping overlaps. Each file's
     * {@code afterwards} runs as soon as it is done; outcomes come back in the files' order. Copies of one content
     * are ingested one after the other, in the files' order, so the first is ingested and the others find it there.
     */
    private List<FileOutcome> ingestSideBySide(List<Path> files, BiConsumer<Path, FileOutcome> afterwards) {
        AtomicInteger workers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, filesInParallel), task -> {
            Thread thread = new Thread(task, "ingest-" + workers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<FileOutcome>> lastOfContent = new HashMap<>();
            List<Future<FileOutcome>> running = new ArrayList<>();
            for (Path file : files) {
                String sha256;
                try {
                    sha256 = sha256(file);
                } catch (IOException e) {
                    FileOutcome unreadable = failed(file.getFileName().toString(), null,
                            "cannot read the file: " + e.getClass().getSimpleName());
                    running.add(pool.submit(() -> {
                        afterwards.accept(file, unreadable);
                        return unreadable;
                    }));
                    continue;
                }
                // Tasks start in submission order, so the copy waited for has started already.
                Future<FileOutcome> previousCopy = lastOfContent.get(sha256);
                Future<FileOutcome> outcome = pool.submit(() -> {
                    if (previousCopy != null) {
                        previousCopy.get();
                    }
                    FileOutcome done = ingestFile(file, sha256);
                    afterwards.accept(file, done);
                    return done;
                });
                lastOfContent.put(sha256, outcome);
                running.add(outcome);
            }
            List<FileOutcome> outcomes = new ArrayList<>();
            for (Future<FileOutcome> outcome : running) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ingesting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private FileOutcome ingestFile(Path file, String sha256) {
        // Held until the outcome is recorded: a SIGTERM stops the run at a chunk boundary, and the file's record
        // still says so before the database closes.
        try (JobRunner.Work work = jobRunner.begin()) {
            return ingestFileAndRecord(file, sha256);
        }
    }

    private FileOutcome ingestFileAndRecord(Path file, String sha256) {
        String name = file.getFileName().toString();
        SourceFile known = find(sha256);
        if (known != null && (known.status().equals("COMPLETED") || known.status().equals("QUARANTINED"))) {
            if (known.status().equals("QUARANTINED")) {
                return new FileOutcome(name, sha256, known.kind(), Status.QUARANTINED, 0, 0, 0, 0,
                        known.jobExecutionId(), known.reasons());
            }
            return new FileOutcome(name, sha256, known.kind(), Status.ALREADY_INGESTED, 0, 0, 0, 0,
                    known.jobExecutionId(), "same content as " + known.fileName() + ", already ingested");
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(IngestFileJobConfiguration.SHA256, sha256, true)
                .addString(IngestFileJobConfiguration.PATH, file.toAbsolutePath().toString(), false)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = jobRunner.run(IngestFileJobConfiguration.JOB_NAME, parameters);
        } catch (JobRefusedException e) {
            return failed(name, sha256, Sanitiser.redact(e.getMessage()));
        }
        SourceFile recorded = find(sha256);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String reason = Sanitiser.redact(JobRunner.reason(execution));
            if (recorded != null) {
                jdbc.update("update source_file set status = 'FAILED', reasons = ? where id = ?", reason, recorded.id());
            }
            log.warn("ingest of {} failed: {}", name, reason);
            return new FileOutcome(name, sha256, recorded == null ? null : recorded.kind(), Status.FAILED,
                    recorded == null ? 0 : recorded.rowsRead(), recorded == null ? 0 : recorded.rowsIngested(),
                    recorded == null ? 0 : recorded.rowsRejected(), recorded == null ? 0 : recorded.rowsDuplicate(),
                    execution.getId(), reason);
        }
        Status status = recorded.status().equals("QUARANTINED") ? Status.QUARANTINED : Status.COMPLETED;
        return new FileOutcome(name, sha256, recorded.kind(), status, recorded.rowsRead(), recorded.rowsIngested(),
                recorded.rowsRejected(), recorded.rowsDuplicate(), execution.getId(), recorded.reasons());
    }

    private static FileOutcome failed(String name, String sha256, String reason) {
        return new FileOutcome(name, sha256, null, Status.FAILED, 0, 0, 0, 0, null, reason);
    }

    private record SourceFile(long id, String fileName, String kind, String status, long rowsRead, long rowsIngested,
            long rowsRejected, long rowsDuplicate, Long jobExecutionId, String reasons) {
    }

    private SourceFile find(String sha256) {
        List<SourceFile> rows = jdbc.query("""
                select id, file_name, kind, status, rows_read, rows_ingested, rows_rejected, rows_duplicate,
                       job_execution_id, reasons
                from source_file where sha256 = ?""",
                (rs, i) -> new SourceFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getObject(9, Long.class),
                        rs.getString(10)),
                sha256);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Files as given, and the {@code *.csv} files under folders, recursively, in name order. */
    private static List<Path> expand(List<Path> filesOrFolders) {
        List<Path> files = new ArrayList<>();
        for (Path path : filesOrFolders) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
        }
        return files;
    }

    /** The SHA-256 of a file's content, in hex: what identifies an ingest run. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
