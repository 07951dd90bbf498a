package org.zoomcompliance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;
import org.zoomcompliance.infrastructure.HomeFolder;

/**
 * Builds a month's workbook and puts it where the DPO looks, {@code reports/YYYY-MM/zoom-compliance-YYYY-MM.xlsx},
 * as the month's next registered version. The previous version's file is kept beside it as
 * {@code zoom-compliance-YYYY-MM.vN.xlsx} and its registry row follows it there.
 */
final class ReportPublisher {

    /** Where POI's temporary files go, one folder per build, removed when the build ends. */
    static final String POI_TEMPORARY_FOLDER = ".poi-temp";

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
        Path temporaryFolder = DpoWorkbook.temporaryFolder(home.reports().resolve(POI_TEMPORARY_FOLDER));
        long[] rows = {0};
        try {
            ReportFiles.Written written;
            try {
                written = ReportFiles.writeBeside(target,
                        out -> rows[0] = workbook.write(month, out, temporaryFolder));
            } finally {
                ReportFiles.deleteTree(temporaryFolder);
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

    private void keepPreviousVersion(YearMonth month, Path target) throws IOException {
        Optional<ReportEntry> previous = registry.latest(month);
        if (previous.isPresent() && previous.get().path().equals(target) && Files.exists(target)) {
            Path archive = target.resolveSibling(versionFileName(month, previous.get().version()));
            ReportFiles.keep(target, archive);
            registry.moved(previous.get().id(), archive);
        }
    }
}
