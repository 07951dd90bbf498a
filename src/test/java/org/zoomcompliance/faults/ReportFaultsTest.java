package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.report.MonthlyReport;
import org.zoomcompliance.report.ReportJobConfiguration;
import org.zoomcompliance.support.ChildJvm;
import org.zoomcompliance.support.TestHomes;

/**
 * The report job killed or terminated while its workbook is half written, in a child JVM: no half workbook is
 * ever visible, the next start recovers the execution, and the re-run publishes exactly one whole version.
 */
@Tag("faults")
class ReportFaultsTest {

    private static final YearMonth MONTH = YearMonth.of(2033, 3);
    private static final int DEVIATIONS = 300;
    /** A query of the last sheets: by then the deviation sheets are in the temporary workbook. */
    private static final String LATE_QUERY = "from meeting_transfer";

    @Test
    void aKill9WhileTheWorkbookIsWrittenLeavesNothingVisibleAndTheRerunPublishesOneVersion() throws Exception {
        // given a month of deviations and a report build killed with SIGKILL half way through its workbook
        Path home = homeWithDeviations();
        try (ChildJvm child = FaultsChild.run(home, List.of(FaultsChild.BLOCK_PROPERTY + "=" + LATE_QUERY), ReportJobConfiguration.JOB_NAME,
                ReportJobConfiguration.MONTH + "=" + MONTH)) {
            child.awaitLine("BLOCKED");
            assertThat(monthFolder(home)).as("the temporary workbook being written").isNotEmptyDirectory();
            child.kill();
        }
        assertThat(visibleWorkbooks(home)).as("no workbook visible after the kill").isEmpty();

        // when the application starts again and the report is re-run
        try (ConfigurableApplicationContext context = Applications.start(home)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select status from batch_job_execution", String.class))
                    .as("the killed execution was recovered at start-up").containsExactly("FAILED");
            JobExecution rerun = context.getBean(MonthlyReport.class).build(MONTH, null);

            // then one whole workbook is published and registered once, and no leftover remains
            assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(jdbc.queryForObject("select count(*) from report where month = ?", Integer.class,
                    MONTH.atDay(1))).isEqualTo(1);
            assertThat(fileNames(monthFolder(home))).containsExactly("zoom-compliance-" + MONTH + ".xlsx");
            assertThat(home.resolve("reports/.poi-temp/" + MONTH)).as("the killed build's POI files")
                    .doesNotExist();
            try (XSSFWorkbook workbook = new XSSFWorkbook(monthFolder(home).resolve("zoom-compliance-" + MONTH + ".xlsx")
                    .toFile())) {
                assertThat(workbook.getNumberOfSheets()).isGreaterThan(1);
            }
        }
    }

    @Test
    void aSigtermWhileTheWorkbookIsWrittenLetsTheBuildEndBeforeTheDatabaseCloses() throws Exception {
        // given a report build caught half way through its workbook
        Path home = homeWithDeviations();
        String result;
        try (ChildJvm child = FaultsChild.run(home, List.of(FaultsChild.BLOCK_PROPERTY + "=" + LATE_QUERY), ReportJobConfiguration.JOB_NAME,
                ReportJobConfiguration.MONTH + "=" + MONTH)) {
            child.awaitLine("BLOCKED");

            // when it receives SIGTERM
            child.terminate();
            result = child.awaitLine("RESULT");
            child.awaitExit();
        }

        // then the one-transaction build was let finish before the job stopped: published, registered, and the
        // execution ended STOPPED rather than left running for the next start to recover
        assertThat(result).startsWith("RESULT STOPPED");
        try (ConfigurableApplicationContext context = Applications.start(home)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select status from batch_job_execution", String.class))
                    .containsExactly("STOPPED");
            assertThat(jdbc.queryForObject("select count(*) from report where month = ?", Integer.class,
                    MONTH.atDay(1))).isEqualTo(1);
            assertThat(visibleWorkbooks(home)).containsExactly("zoom-compliance-" + MONTH + ".xlsx");
        }
    }

    @Test
    void aKill9BetweenRegisteringAndPublishingLeavesEveryRegisteredVersionOnDiskWithItsSha256() throws Exception {
        // given a month whose first workbook is published, and a second build killed with SIGKILL just after its
        // registration committed, before its workbook took the published name
        Path home = homeWithDeviations();
        try (ConfigurableApplicationContext context = Applications.start(home)) {
            assertThat(context.getBean(MonthlyReport.class).build(MONTH, null).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
        }
        try (ChildJvm child = FaultsChild.run(home, List.of(FaultsChild.BLOCK_PROPERTY + "=insert into report",
                FaultsChild.AFTER_COMMIT_PROPERTY + "=true"), ReportJobConfiguration.JOB_NAME,
                ReportJobConfiguration.MONTH + "=" + MONTH)) {
            child.awaitLine("BLOCKED");
            child.kill();
        }

        // when the application starts again, then both registered versions are on disk with their SHA-256
        try (ConfigurableApplicationContext context = Applications.start(home)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(registered(jdbc)).hasSize(2);
            assertEveryRegisteredVersionOnDisk(jdbc);

            // and the month's next build keeps them all
            assertThat(context.getBean(MonthlyReport.class).build(MONTH, null).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            assertThat(registered(jdbc)).hasSize(3);
            assertEveryRegisteredVersionOnDisk(jdbc);
            assertThat(visibleWorkbooks(home)).containsExactly("zoom-compliance-" + MONTH + ".v1.xlsx",
                    "zoom-compliance-" + MONTH + ".v2.xlsx", "zoom-compliance-" + MONTH + ".xlsx");
        }
    }

    @Test
    void aBuildWhoseOutCopyFailsKeepsThePublishedWorkbookAndEveryRegisteredVersion() throws Exception {
        // given a month with a published workbook, and an --out under a path that is a file, not a folder
        Path home = homeWithDeviations();
        Path notAFolder = Files.writeString(home.resolve("not-a-folder"), "x");
        try (ConfigurableApplicationContext context = Applications.start(home)) {
            MonthlyReport report = context.getBean(MonthlyReport.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(report.build(MONTH, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);

            // when a build's extra copy cannot be written
            JobExecution failed = report.build(MONTH, notAFolder.resolve("copy.xlsx"));

            // then the build fails, and every registered version is on disk with its SHA-256, the new one published
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertEveryRegisteredVersionOnDisk(jdbc);
            assertThat(jdbc.queryForObject("select path from report where month = ? order by version desc limit 1",
                    String.class, MONTH.atDay(1))).endsWith("zoom-compliance-" + MONTH + ".xlsx");

            // and the next build still keeps them all
            assertThat(report.build(MONTH, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertEveryRegisteredVersionOnDisk(jdbc);
        }
    }

    private static List<java.util.Map<String, Object>> registered(JdbcTemplate jdbc) {
        return jdbc.queryForList("select version, path, sha256 from report where month = ? order by version",
                MONTH.atDay(1));
    }

    private static void assertEveryRegisteredVersionOnDisk(JdbcTemplate jdbc) throws Exception {
        for (java.util.Map<String, Object> version : registered(jdbc)) {
            Path file = Path.of((String) version.get("path"));
            assertThat(file).as("version " + version.get("version")).isRegularFile();
            assertThat(sha256(file)).as("version " + version.get("version") + " at " + file.getFileName())
                    .isEqualTo(version.get("sha256"));
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private static Path homeWithDeviations() {
        Path home = TestHomes.newHome();
        try (ConfigurableApplicationContext context = Applications.start(home)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            OffsetDateTime at = OffsetDateTime.of(2033, 3, 10, 9, 0, 0, 0, ZoneOffset.UTC);
            jdbc.update("insert into deviation (month, rule_code, subject, severity, status, occurred_at, meeting_id,"
                    + " topic, host_email, profile, evidence)"
                    + " select ?, 'PASSCODE_MISSING', 'meeting-' || n, 'HIGH', 'NEW', ?, 'meeting-' || n,"
                    + " 'Cours ' || n, 'prof@exemple.fr', 'MEETING', 'no passcode'"
                    + " from generate_series(1, ?) n", MONTH.atDay(1), at, DEVIATIONS);
        }
        return home;
    }

    private static Path monthFolder(Path home) {
        return home.resolve("reports").resolve(MONTH.toString());
    }

    /** What a DPO would see: workbooks, not hidden temporary files. */
    private static List<String> visibleWorkbooks(Path home) throws Exception {
        return fileNames(monthFolder(home)).stream().filter(name -> !name.startsWith(".")).toList();
    }

    private static List<String> fileNames(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
