package org.zoomcompliance.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.config.PipelineSettings;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.ingest.normalise.Sanitiser;
import org.zoomcompliance.infrastructure.Sentence;
import org.zoomcompliance.ingest.write.IngestWriter;

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
    private final FileLocations locations;
    private final IngestProgress progress;
    private final Clock clock;

    private final int filesInParallel;
    private final long maxRejectedRows;

    @Autowired
    public Ingestion(JobRunner jobRunner, JdbcTemplate jdbc, HomeFolder home, InboxFiles inboxFiles,
            FileLocations locations, IngestProgress progress, Clock clock, PipelineSettings settings) {
        this(jobRunner, jdbc, home, inboxFiles, locations, progress, clock, settings.ingest().filesInParallel(),
                settings.ingest().maxRejectedRows());
    }

    public Ingestion(JobRunner jobRunner, JdbcTemplate jdbc, HomeFolder home, InboxFiles inboxFiles,
            FileLocations locations, IngestProgress progress, Clock clock, int filesInParallel,
            long maxRejectedRows) {
        this.jobRunner = jobRunner;
        this.jdbc = jdbc;
        this.home = home;
        this.inboxFiles = inboxFiles;
        this.locations = locations;
        this.progress = progress;
        this.clock = clock;
        this.filesInParallel = filesInParallel;
        this.maxRejectedRows = maxRejectedRows;
    }

    /** Ingests files and folders in place: nothing is moved or modified; rejected files get a reason file. */
    public IngestReport ingest(List<Path> filesOrFolders) {
        return ingest(filesOrFolders, outcome -> { });
    }

    /** As {@link #ingest(List)}, telling {@code ended} of each file as soon as it is done. */
    public IngestReport ingest(List<Path> filesOrFolders, Consumer<FileOutcome> ended) {
        return new IngestReport(ingestSideBySide(expand(filesOrFolders), false, (file, outcome) -> {
            if (outcome.status() == Status.QUARANTINED) {
                inboxFiles.writeReason(file, outcome.sha256(), outcome.reasonText());
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
        return ingestInbox(false, ended);
    }

    /**
     * Ingests the inbox as the nightly run does, unattended: as {@link #ingestInbox()}, except that a file whose
     * same content failed before past {@code zoom-compliance.ingest.max-rejected-rows}, at a limit no lower than
     * the one in force, is not tried again (it would fail again, every night) but {@link Status#SKIPPED}: left in
     * the inbox until the limit is raised, the file replaced, or an operator ingests it (or restarts its run).
     */
    public IngestReport ingestInboxUnattended() {
        return ingestInbox(true, outcome -> { });
    }

    private IngestReport ingestInbox(boolean skipPastLimit, Consumer<FileOutcome> ended) {
        return new IngestReport(ingestSideBySide(expand(List.of(home.inbox())), skipPastLimit, (file, outcome) -> {
            try {
                inboxFiles.settle(file, outcome.status(), outcome.sha256(), outcome.reasonText());
            } catch (UncheckedIOException e) {
                log.warn("handled {} but could not move it out of the inbox: {}", FileNames.display(file),
                        e.getCause().getClass().getSimpleName());
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
    private List<FileOutcome> ingestSideBySide(List<Path> files, boolean skipPastLimit,
            BiConsumer<Path, FileOutcome> afterwards) {
        try (IngestProgress.Run run = progress.start(files.size())) {
            return ingestSideBySide(files, skipPastLimit, run, afterwards);
        }
    }

    private List<FileOutcome> ingestSideBySide(List<Path> files, boolean skipPastLimit, IngestProgress.Run run,
            BiConsumer<Path, FileOutcome> afterwards) {
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
                FileOutcome setAside = null;
                String sha256 = null;
                if (Files.isSymbolicLink(file)) {
                    setAside = unread(file, Sentence.of("ingest.reason.symbolic-link"));
                } else {
                    try {
                        sha256 = sha256(file);
                    } catch (NoSuchFileException e) {
                        setAside = failed(FileNames.display(file), null,
                                Sentence.of("ingest.reason.disappeared"));
                    } catch (IOException e) {
                        setAside = unread(file, Sentence.of("ingest.reason.cannot-be-opened",
                                e.getClass().getSimpleName()));
                    }
                }
                if (setAside != null) {
                    FileOutcome outcome = setAside;
                    running.add(pool.submit(() -> {
                        afterwards.accept(file, outcome);
                        run.ended(outcome);
                        return outcome;
                    }));
                    continue;
                }
                String content = sha256;
                // Tasks start in submission order, so the copy waited for has started already.
                Future<FileOutcome> previousCopy = lastOfContent.get(content);
                Future<FileOutcome> outcome = pool.submit(() -> {
                    if (previousCopy != null) {
                        previousCopy.get();
                    }
                    run.reading(content, FileNames.display(file));
                    FileOutcome done = ingestFile(file, content, skipPastLimit);
                    afterwards.accept(file, done);
                    run.ended(done);
                    return done;
                });
                lastOfContent.put(content, outcome);
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

    private FileOutcome ingestFile(Path file, String sha256, boolean skipPastLimit) {
        // Held until the outcome is recorded: a SIGTERM stops the run at a chunk boundary, and the file's record
        // still says so before the database closes.
        try (JobRunner.Work work = jobRunner.begin()) {
            return ingestFileAndRecord(file, sha256, skipPastLimit);
        }
    }

    private FileOutcome ingestFileAndRecord(Path file, String sha256, boolean skipPastLimit) {
        String name = FileNames.display(file);
        SourceFile known = find(sha256);
        if (known != null && (known.status().equals("COMPLETED") || known.status().equals("QUARANTINED"))) {
            if (known.status().equals("QUARANTINED")) {
                return new FileOutcome(name, sha256, known.kind(), Status.QUARANTINED, 0, 0, 0, 0,
                        known.jobExecutionId(), known.reason());
            }
            return new FileOutcome(name, sha256, known.kind(), Status.ALREADY_INGESTED, 0, 0, 0, 0,
                    known.jobExecutionId(), Sentence.of("ingest.reason.already-ingested", known.fileName()));
        }
        if (skipPastLimit && known != null && known.status().equals("FAILED")) {
            OptionalLong limit = IngestWriter.rejectedRowsLimitIn(known.reasonText());
            if (limit.isPresent() && limit.getAsLong() >= maxRejectedRows) {
                return new FileOutcome(name, sha256, known.kind(), Status.SKIPPED, 0, 0, 0, 0, known.jobExecutionId(),
                        known.jobExecutionId() == null
                                ? Sentence.of("ingest.reason.skipped-past-limit", limit.getAsLong())
                                : Sentence.of("ingest.reason.skipped-past-limit-execution", limit.getAsLong(),
                                        known.jobExecutionId()));
            }
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(IngestFileJobConfiguration.SHA256, sha256, true)
                .addString(IngestFileJobConfiguration.PATH, FileLocations.recorded(file), false)
                .toJobParameters();
        JobExecution execution;
        try (FileLocations.Registration registered = locations.register(sha256, file)) {
            execution = jobRunner.run(IngestFileJobConfiguration.JOB_NAME, parameters);
        } catch (JobRefusedException e) {
            return failed(name, sha256, Sentence.text(Sanitiser.redact(e.getMessage())));
        }
        if (execution.getStatus() != BatchStatus.COMPLETED && ranOutOfMemory(execution)) {
            return quarantineOutOfMemory(name, sha256, execution);
        }
        SourceFile recorded = find(sha256);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String reason = Sanitiser.redact(JobRunner.reason(execution));
            if (recorded != null) {
                jdbc.update("update source_file set status = 'FAILED', reasons = ?, reasons_key = null, reasons_args = null"
                        + " where id = ?", reason, recorded.id());
            }
            log.warn("ingest of {} failed: {}", name, reason);
            return new FileOutcome(name, sha256, recorded == null ? null : recorded.kind(), Status.FAILED,
                    recorded == null ? 0 : recorded.rowsRead(), recorded == null ? 0 : recorded.rowsIngested(),
                    recorded == null ? 0 : recorded.rowsRejected(), recorded == null ? 0 : recorded.rowsDuplicate(),
                    execution.getId(), Sentence.text(reason));
        }
        Status status = recorded.status().equals("QUARANTINED") ? Status.QUARANTINED : Status.COMPLETED;
        return new FileOutcome(name, sha256, recorded.kind(), status, recorded.rowsRead(), recorded.rowsIngested(),
                recorded.rowsRejected(), recorded.rowsDuplicate(), execution.getId(), recorded.reason());
    }

    private static boolean ranOutOfMemory(JobExecution execution) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof OutOfMemoryError) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Sets aside a file whose run exhausted the heap: run again, it would fail again, every night. Its record says
     * so, so later runs skip it; the failed execution stays restartable once the heap is raised.
     */
    private FileOutcome quarantineOutOfMemory(String name, String sha256, JobExecution execution) {
        Sentence reason = Sentence.of("ingest.reason.out-of-memory", execution.getId());
        jdbc.update("""
                insert into source_file (sha256, file_name, kind, status, reasons, reasons_key, reasons_args,
                                         job_execution_id, finished_at)
                values (?, ?, 'UNKNOWN', 'QUARANTINED', ?, ?, ?::jsonb, ?, ?)
                on conflict (sha256) do update set status = 'QUARANTINED', reasons = excluded.reasons,
                    reasons_key = excluded.reasons_key, reasons_args = excluded.reasons_args,
                    job_execution_id = excluded.job_execution_id, finished_at = excluded.finished_at""",
                sha256, name, reason.english(), reason.key(), reason.arguments(), execution.getId(),
                Timestamp.from(clock.instant()));
        log.warn("ingest of {} ran out of memory; the file is quarantined", name);
        return new FileOutcome(name, sha256, null, Status.QUARANTINED, 0, 0, 0, 0, execution.getId(), reason);
    }

    /**
     * A file set aside before any job ran for it, as nothing of it could be read: a row still records it, so that
     * the month it arrived in shows it in Data quality (docs/months.md, "Files"). Without content there is no
     * content hash; its key is the hash of its masked path, so the same file given again is recorded once.
     */
    private FileOutcome unread(Path file, Sentence reason) {
        String key = sha256Hex("not read: " + FileNames.displayPath(file));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into source_file (sha256, file_name, kind, status, reasons, reasons_key, reasons_args,
                                         ingested_at, finished_at)
                values (?, ?, 'UNKNOWN', 'QUARANTINED', ?, ?, ?::jsonb, ?, ?)
                on conflict (sha256) do nothing""", key, FileNames.display(file), reason.english(), reason.key(),
                reason.arguments(), now, now);
        return new FileOutcome(FileNames.display(file), null, null, Status.QUARANTINED, 0, 0, 0, 0, null, reason);
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static FileOutcome failed(String name, String sha256, Sentence reason) {
        return new FileOutcome(name, sha256, null, Status.FAILED, 0, 0, 0, 0, null, reason);
    }

    private record SourceFile(long id, String fileName, String kind, String status, long rowsRead, long rowsIngested,
            long rowsRejected, long rowsDuplicate, Long jobExecutionId, Sentence reason) {

        String reasonText() {
            return reason == null ? null : reason.english();
        }
    }

    private SourceFile find(String sha256) {
        List<SourceFile> rows = jdbc.query("""
                select id, file_name, kind, status, rows_read, rows_ingested, rows_rejected, rows_duplicate,
                       job_execution_id, reasons_key, reasons_args, reasons
                from source_file where sha256 = ?""",
                (rs, i) -> new SourceFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getObject(9, Long.class),
                        Sentence.recorded(rs.getString(10), rs.getString(11), rs.getString(12))),
                sha256);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Files as given, and under folders, recursively and in name order, the {@code *.csv} files and every symbolic
     * link (never followed: it is set aside). Names are compared as the bytes they are.
     */
    private static List<Path> expand(List<Path> filesOrFolders) {
        List<Path> files = new ArrayList<>();
        for (Path path : filesOrFolders) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            // a folder named (the inbox itself may be a link) is entered; links met inside it are not
            List<Path> found = new ArrayList<>();
            try {
                Files.walkFileTree(path.toRealPath(), new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isSymbolicLink() || attributes.isRegularFile()
                                && FileNames.display(file).toLowerCase(Locale.ROOT).endsWith(".csv")) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        // an unreadable sub-folder must not stop the files beside it
                        log.warn("cannot list {}: {}", FileNames.displayPath(file), e.getClass().getSimpleName());
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + FileNames.displayPath(path), e);
            }
            found.stream().sorted().forEach(files::add);
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
