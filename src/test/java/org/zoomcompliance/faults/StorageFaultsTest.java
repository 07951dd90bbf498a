package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.cli.ExitCodes;
import org.zoomcompliance.cli.ZoomComplianceCommand;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.report.MonthlyReport;
import org.zoomcompliance.support.PipelineIntegrationTest;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;
import org.zoomcompliance.support.TestClocks;

/**
 * A full disk and read-only storage, made real with small tmpfs mounts (needs root; skipped otherwise, the
 * simulated failure of {@code ReportFilesTest} covering the same path): clean failure, nothing partial, no
 * temporary file left, and the re-run completes once space is back.
 */
class StorageFaultsTest extends PipelineIntegrationTest {

    private static final YearMonth FULL = YearMonth.of(2034, 5);
    private static final YearMonth READ_ONLY = YearMonth.of(2034, 7);

    @Autowired
    MonthlyReport monthlyReport;

    @AfterEach
    void clean() {
        for (YearMonth month : List.of(FULL, READ_ONLY)) {
            jdbc.update("delete from deviation where month = ?", month.atDay(1));
            jdbc.update("delete from report where month = ?", month.atDay(1));
        }
    }

    @Test
    void aDiskFullWhileTheWorkbookIsWrittenFailsCleanlyAndTheRerunCompletes() throws Exception {
        // given a month whose workbook does not fit in the 16 KiB left on the reports' disk
        deviations(FULL, 2000);
        Path folder = Files.createDirectories(home.reports().resolve(FULL.toString()));
        mount(folder, "size=16k");
        JobExecution failed;
        try {
            // when the report is built
            failed = monthlyReport.build(FULL, null);

            // then it fails naming the cause, with no workbook, no temporary file and no registered version
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(JobRunner.reason(failed)).contains("No space left on device");
            assertThat(fileNames(folder)).isEmpty();
            assertThat(fileNames(home.reports().resolve(".poi-temp").resolve(FULL.toString()))).isEmpty();
            assertThat(monthlyReport.versions(FULL)).isEmpty();
        } finally {
            unmount(folder);
        }

        // when space is back and the report is built again / then one whole version
        assertThat(monthlyReport.build(FULL, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(monthlyReport.versions(FULL)).hasSize(1);
        assertThat(fileNames(folder)).containsExactly("zoom-compliance-" + FULL + ".xlsx");
    }

    @Test
    void aReadOnlyReportsFolderFailsTheBuildCleanly() throws Exception {
        // given a month folder on a read-only file system
        deviations(READ_ONLY, 10);
        Path folder = Files.createDirectories(home.reports().resolve(READ_ONLY.toString()));
        mount(folder, "ro,size=16k");
        try {
            // when the report is built
            JobExecution failed = monthlyReport.build(READ_ONLY, null);

            // then it fails with the cause, and nothing is registered
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(JobRunner.reason(failed)).contains("Read-only file system");
            assertThat(monthlyReport.versions(READ_ONLY)).isEmpty();
        } finally {
            unmount(folder);
        }
    }

    @Test
    void anUnwritableHomeStopsACommandWithOneLine() throws Exception {
        // given a home folder on a read-only file system
        Path readOnlyHome = TestHomes.newHome();
        mount(readOnlyHome, "ro,size=16k");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            // when a command runs on it
            CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
            commandLine.setOut(new PrintWriter(new ByteArrayOutputStream(), true));
            commandLine.setErr(new PrintWriter(err, true));
            int exit = commandLine.execute("--home", readOnlyHome.toString(), "report", "--month", "2034-08");

            // then it stops before starting anything, with one line naming the folder
            assertThat(exit).isNotEqualTo(ExitCodes.OK);
            assertThat(err.toString().lines()).hasSize(1);
            assertThat(err.toString()).contains(readOnlyHome.toString());
        } finally {
            unmount(readOnlyHome);
        }
    }

    private void deviations(YearMonth month, int count) {
        OffsetDateTime at = month.atDay(10).atTime(9, 0).atOffset(ZoneOffset.UTC);
        // md5 text compresses badly, so the workbook's size follows the row count
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, occurred_at, meeting_id,"
                + " topic, host_email, profile, evidence)"
                + " select ?, 'PASSCODE_MISSING', 'storage-' || n, 'HIGH', 'NEW', ?, 'storage-' || n,"
                + " md5(n::text), 'prof@exemple.fr', 'MEETING', md5('e' || n) || md5('f' || n)"
                + " from generate_series(1, ?) n", month.atDay(1), at, count);
    }

    private static void mount(Path folder, String options) throws Exception {
        int exit = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString())
                .redirectErrorStream(true).start().waitFor();
        assumeTrue(exit == 0, "mounting a tmpfs needs root; ReportFilesTest simulates the failure instead");
    }

    private static void unmount(Path folder) throws Exception {
        assertThat(new ProcessBuilder("umount", folder.toString()).redirectErrorStream(true).start().waitFor())
                .isZero();
    }

    private static List<String> fileNames(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
