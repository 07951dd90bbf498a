package org.zoomcompliance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.config.HomeFolder;

/**
 * Builds a month's workbook and puts it where the DPO looks, {@code reports/YYYY-MM/zoom-compliance-YYYY-MM.xlsx},
 * as the month's next registered version. The previous version's file is kept beside it as
 * {@code zoom-compliance-YYYY-MM.vN.xlsx} and its registry row follows it there.
 *
 * <p>Register, commit, then publish: the new workbook is written to a temporary file, the previous version is
 * linked to its archive name, the registry rows are committed (in a transaction of their own), and only then does
 * the new file take the published name. A build that fails or is killed at any point leaves every registered
 * version on disk with its registered SHA-256: before the commit the published file is untouched; after it, the
 * new version waits in its temporary file, which {@link #reconcile} (at start-up and at the month's next build)
 * puts in place. An archive holding a registered version is never deleted or overwritten, and a failing extra
 * copy ({@code --out}) is made after publishing, through a temporary file of its own.
 */
final class ReportPublisher {

    /** Where POI's temporary files go, one folder per build, removed when the build ends. */
    static final String POI_TEMPORARY_FOLDER = ".poi-temp";

    private static final Logger log = LoggerFactory.getLogger(ReportPublisher.class);
    private static final Duration LEFTOVER_AGE = Duration.ofDays(1);

    private final HomeFolder home;
    private final DpoWorkbook workbook;
    private final ReportRegistry registry;
    private final TransactionTemplate ownTransaction;

    ReportPublisher(HomeFolder home, DpoWorkbook workbook, ReportRegistry registry,
            PlatformTransactionManager transactionManager) {
        this.home = home;
        this.workbook = workbook;
        this.registry = registry;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The published report and the number of data rows it holds. */
    record Published(ReportEntry entry, long rows) {
    }

    static String fileName(YearMonth month) {
        return "zoom-compliance-" + month + ".xlsx";
    }

    static String versionFileName(YearMonth month, int version) {
        return "zoom-compliance-" + month + ".v" + version + ".xlsx";
    }

    Path canonical(YearMonth month) {
        return home.reports().resolve(month.toString()).resolve(fileName(month));
    }

    Published publish(YearMonth month, Path extraCopy, Long jobExecutionId) {
        Path target = canonical(month);
        try {
            reconcile(month);
            removeLeftovers(month, target);
            // Under a folder of the month, so that the next build of the month can tell a killed build's files.
            Path temporaryFolder = DpoWorkbook.temporaryFolder(poiFolder(month));
            long[] rows = {0};
            ReportFiles.Written written;
            try {
                written = ReportFiles.writeBeside(target,
                        out -> rows[0] = workbook.write(month, out, temporaryFolder));
            } finally {
                ReportFiles.deleteTree(poiFolder(month));
            }
            Optional<ReportEntry> previous = keepPreviousVersion(month, target);
            ReportEntry entry = ownTransaction.execute(status -> {
                previous.ifPresent(kept -> registry.moved(kept.id(), archive(kept)));
                return registry.register(month, target, written.sha256(), written.sizeBytes(), jobExecutionId);
            });
            ReportFiles.publish(written.file(), target);
            if (extraCopy != null) {
                ReportFiles.copyAtomically(target, Files.isDirectory(extraCopy)
                        ? extraCopy.resolve(target.getFileName()) : extraCopy);
            }
            return new Published(entry, rows[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook of " + month + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts back at its registered path every kept version of the month whose file is missing there or holds other
     * bytes, from a file of the month's folder that holds its bytes: a build killed after committing its
     * registration leaves its workbook in a temporary file. Oldest first, so an archive is in place before the
     * published name is given to its successor.
     */
    void reconcile(YearMonth month) throws IOException {
        Path folder = canonical(month).getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        for (ReportEntry entry : registry.kept(month)) {
            if (Files.isRegularFile(entry.path()) && ReportFiles.sha256(entry.path()).equals(entry.sha256())) {
                continue;
            }
            Optional<Path> holder = holderOf(folder, entry);
            if (holder.isEmpty()) {
                log.warn("the workbook of {} version {} is not at {} and no file of {} holds its bytes", month,
                        entry.version(), entry.path(), folder);
                continue;
            }
            log.warn("putting the workbook of {} version {} back at {}, from {}", month, entry.version(),
                    entry.path().getFileName(), holder.get().getFileName());
            if (holder.get().getFileName().toString().endsWith(".tmp")) {
                Files.move(holder.get(), entry.path(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                ReportFiles.copyAtomically(holder.get(), entry.path());
            }
        }
    }

    /** At start-up: reconciles the months whose folder holds a temporary workbook a killed build left. */
    void reconcileLeftovers() {
        Path reports = home.reports();
        if (!Files.isDirectory(reports)) {
            return;
        }
        try (Stream<Path> folders = Files.list(reports)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                YearMonth month;
                try {
                    month = YearMonth.parse(folder.getFileName().toString());
                } catch (java.time.format.DateTimeParseException notAMonth) {
                    continue;
                }
                if (!temporaryWorkbooks(month).isEmpty()) {
                    reconcile(month);
                }
            }
        } catch (IOException e) {
            log.warn("could not reconcile the reports folder: {}", e.getMessage());
        }
    }

    private static Optional<Path> holderOf(Path folder, ReportEntry entry) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(entry.path())).toList()) {
                if (Files.size(file) == entry.sizeBytes() && ReportFiles.sha256(file).equals(entry.sha256())) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    private List<Path> temporaryWorkbooks(YearMonth month) throws IOException {
        Path target = canonical(month);
        String prefix = "." + target.getFileName() + ".";
        if (!Files.isDirectory(target.getParent())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(target.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /**
     * Removes what a killed build may have left: this month's temporary workbooks and POI files (no other build of
     * the month can be running: the job runner refuses it) and POI folders of builds that ended long ago.
     */
    private void removeLeftovers(YearMonth month, Path target) {
        Instant stale = Instant.now().minus(LEFTOVER_AGE);
        try {
            // Reconciled first: what is left holds no registered version's only copy.
            for (Path file : temporaryWorkbooks(month)) {
                Files.deleteIfExists(file);
            }
            ReportFiles.deleteTree(poiFolder(month));
            Path poi = home.reports().resolve(POI_TEMPORARY_FOLDER);
            if (Files.isDirectory(poi)) {
                try (Stream<Path> folders = Files.list(poi)) {
                    for (Path folder : folders.toList()) {
                        if (Files.getLastModifiedTime(folder).toInstant().isBefore(stale)) {
                            ReportFiles.deleteTree(folder);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the leftovers of an earlier build: " + e.getMessage(), e);
        }
    }

    private Path poiFolder(YearMonth month) {
        return home.reports().resolve(POI_TEMPORARY_FOLDER).resolve(month.toString());
    }

    /**
     * Links the published file to its archive name before the new version is registered, when it is the month's
     * latest registered version; returns that version. An archive name already holding a registered version's bytes
     * is kept as it is: if it is the latest's, it was linked by a build that failed before its commit.
     */
    private Optional<ReportEntry> keepPreviousVersion(YearMonth month, Path target) throws IOException {
        Optional<ReportEntry> previous = registry.latest(month);
        if (previous.isEmpty() || !previous.get().path().equals(target) || !Files.exists(target)) {
            return Optional.empty();
        }
        if (!ReportFiles.sha256(target).equals(previous.get().sha256())) {
            log.warn("{} does not hold the registered version {} of {}; it is not archived", target.getFileName(),
                    previous.get().version(), month);
            return Optional.empty();
        }
        Path archive = archive(previous.get());
        if (Files.exists(archive)) {
            String held = ReportFiles.sha256(archive);
            if (held.equals(previous.get().sha256())) {
                return previous;
            }
            if (registry.isRegistered(held)) {
                throw new IOException(archive.getFileName() + " holds another registered workbook; it is kept, and"
                        + " version " + previous.get().version() + " stays at " + target.getFileName());
            }
            Files.delete(archive);
        }
        ReportFiles.keep(target, archive);
        return previous;
    }

    private static Path archive(ReportEntry version) {
        return version.path().resolveSibling(versionFileName(version.month(), version.version()));
    }
}
