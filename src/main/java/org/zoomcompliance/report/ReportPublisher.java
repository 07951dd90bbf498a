package org.zoomcompliance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.stream.Stream;
import org.zoomcompliance.infrastructure.HomeFolder;

/**
 * Builds a month's workbook and puts it where the DPO looks, {@code reports/YYYY-MM/zoom-compliance-YYYY-MM.xlsx},
 * as the month's next registered version. The previous version's file is kept beside it as
 * {@code zoom-compliance-YYYY-MM.vN.xlsx} and its registry row follows it there.
 */
final class ReportPublisher {

    /** Where POI's temporary files go, one folder per build, removed when the build ends. */
    static final String POI_TEMPORARY_FOLDER = ".poi-temp";

    private static final Duration LEFTOVER_AGE = Duration.ofDays(1);

    private final HomeFolder home;
    private final DpoWorkbook workbook;
    private final ReportRegistry registry;

    ReportPublisher(HomeFolder home, DpoWorkbook workbook, ReportRegistry registry) {
        this.home = home;
        this.workbook = workbook;
        this.registry = registry;
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
        removeLeftovers(month, target);
        // Under a folder of the month, so that the next build of the month can tell a killed build's files.
        Path temporaryFolder = DpoWorkbook.temporaryFolder(poiFolder(month));
        long[] rows = {0};
        try {
            ReportFiles.Written written;
            try {
                written = ReportFiles.writeBeside(target,
                        out -> rows[0] = workbook.write(month, out, temporaryFolder));
            } finally {
                ReportFiles.deleteTree(poiFolder(month));
            }
            keepPreviousVersion(month, target);
            ReportFiles.publish(written.file(), target);
            ReportEntry entry = registry.register(month, target, written.sha256(), written.sizeBytes(),
                    jobExecutionId);
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
     * Removes what a killed build may have left: this month's temporary workbooks and POI files (no other build of
     * the month can be running: the job runner refuses it) and POI folders of builds that ended long ago.
     */
    private void removeLeftovers(YearMonth month, Path target) {
        String prefix = "." + target.getFileName() + ".";
        Instant stale = Instant.now().minus(LEFTOVER_AGE);
        try {
            if (Files.isDirectory(target.getParent())) {
                try (Stream<Path> files = Files.list(target.getParent())) {
                    for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(".tmp")).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
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

    private void keepPreviousVersion(YearMonth month, Path target) throws IOException {
        Optional<ReportEntry> previous = registry.latest(month);
        if (previous.isPresent() && previous.get().path().equals(target) && Files.exists(target)) {
            Path archive = target.resolveSibling(versionFileName(month, previous.get().version()));
            ReportFiles.keep(target, archive);
            registry.moved(previous.get().id(), archive);
        }
    }
}
