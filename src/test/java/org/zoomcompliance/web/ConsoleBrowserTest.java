package org.zoomcompliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;
import org.zoomcompliance.support.EvaluatedMonths;
import org.zoomcompliance.support.StandInJobs;
import org.zoomcompliance.support.TestHomes;
import org.zoomcompliance.support.WebIntegrationTest;

/**
 * End to end in a real headless Chromium: the DPO signs in and downloads a month's workbook, an operator signs in
 * and restarts a failed job, and watches a running job's counts change on its page. Skipped, saying so, only when Chromium or chromedriver is not installed.
 */
class ConsoleBrowserTest extends WebIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    JobControl jobControl;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    StandInJobs.Gate gate;

    private WebDriver browser;
    private Path downloads;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "ConsoleBrowserTest skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                        + " (install them with: apt-get install chromium chromium-driver)");
        Path profile = TestHomes.newHome().resolve("chromium-profile");
        downloads = Files.createDirectories(profile.resolveSibling("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDpoDownloadsAWorkbookAndAnOperatorRestartsAFailedJob() throws Exception {
        // given
        TestWorkbooks.Registered workbook = TestWorkbooks.register(jdbc, home, YearMonth.of(2031, 4), 1);
        JobExecution failed = jobControl.run(new JobRequest(StandInJobs.FLAKY,
                new JobParametersBuilder().addString("key", "browser-restart").toJobParameters()), "setup");
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        // when the DPO signs in and downloads the month's workbook
        browser.get(url("/reports"));
        signIn(DPO, DPO_PASSWORD);
        assertThat(browser.getCurrentUrl()).contains("/reports");
        browser.findElement(By.id("download-2031-04-v1")).click();
        Path downloaded = downloads.resolve(workbook.file().getFileName());
        await().atMost(PATIENCE).until(() -> Files.exists(downloaded) && Files.size(downloaded) == workbook.content().length);
        browser.findElement(By.cssSelector("header form button")).click();
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("/login?logout"));

        // and an operator signs in and restarts the failed job
        browser.get(url("/jobs"));
        signIn(OPERATOR, OPERATOR_PASSWORD);
        browser.findElement(By.id("restart-" + failed.getId())).click();
        // the form posts and the page comes back with a flash: wait for it (an error flash shows its text below)
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("p.message, p.error")).isEmpty());
        String restartedMessage = browser.findElement(By.cssSelector("p.message, p.error")).getText();
        await().atMost(PATIENCE).until(() ->
                jobRepository.getLastJobExecution(failed.getJobInstance()).getStatus() == BatchStatus.COMPLETED);
        long restartedId = jobRepository.getLastJobExecution(failed.getJobInstance()).getId();
        browser.get(url("/jobs"));

        // then
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(workbook.content());
        assertThat(restartedMessage).isEqualTo("execution " + failed.getId() + " restarted");
        assertThat(browser.findElement(By.id("execution-" + restartedId)).getText()).contains("COMPLETED");
        assertThat(jdbc.queryForObject("select actor from audit_event where action = 'REPORT_DOWNLOAD' and sha256 = ?",
                String.class, workbook.sha256())).isEqualTo(DPO);
        assertThat(jdbc.queryForObject("select actor from audit_event where action = 'JOB_RESTART' and target = ?",
                String.class, StandInJobs.FLAKY + " #" + failed.getId())).isEqualTo(OPERATOR);
    }

    @Test
    void aRunningJobsCountsChangeOnItsPageWithoutAReloadAndThePageShowsItsEnd() {
        // given a job held inside its step, and an operator on its page
        gate.close();
        jobControl.runInBackground(new JobRequest(StandInJobs.BLOCKING,
                new JobParametersBuilder().addString("key", "browser-progress").toJobParameters()), "setup");
        await().atMost(PATIENCE).until(() -> !jobRepository.findRunningJobExecutions(StandInJobs.BLOCKING).isEmpty());
        JobExecution running = jobRepository.findRunningJobExecutions(StandInJobs.BLOCKING).iterator().next();
        await().atMost(PATIENCE).until(() -> !jobRepository.getJobExecution(running.getId()).getStepExecutions().isEmpty());
        long step = jobRepository.getJobExecution(running.getId()).getStepExecutions().iterator().next().getId();
        browser.get(url("/jobs/" + running.getId()));
        signIn(OPERATOR, OPERATOR_PASSWORD);
        By readCell = By.cssSelector("#step-" + step + " [data-field=read]");
        assertThat(browser.findElement(readCell).getText()).isEqualTo("0");
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        // when its step's count moves
        jdbc.update("update batch_step_execution set read_count = 42 where step_execution_id = ?", step);

        // then the page shows it without loading again
        await().atMost(PATIENCE).until(() -> browser.findElement(readCell).getText().equals("42"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);

        // and once the job ended, the page shows its end, and refreshes no more
        gate.open();
        // (the page loads again meanwhile: an element read as it goes is read again)
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.cssSelector("#execution [data-field=status]"))
                .getText().equals("COMPLETED"));
        assertThat(browser.findElements(By.cssSelector("script[src$='refresh.js']"))).isEmpty();
    }

    @Test
    void theStartPageShowsTheLatestWorkbookItsOpenHighCountTheLastNightJobsToLookAtAndTheWeeksQuarantine()
            throws Exception {
        // given September 2026 evaluated: 3 open HIGH, 1 HIGH resolved, 1 open LOW; its workbook generated last
        YearMonth september = YearMonth.of(2026, 9);
        EvaluatedMonths.mark(jdbc, september);
        deviation(september, "RECORDING_CLOUD", "HIGH", "NEW", "dashboard 1", "111", "a@example.org", "held");
        deviation(september, "RECORDING_CLOUD", "HIGH", "ONGOING", "dashboard 2", "112", "a@example.org", "held");
        deviation(september, "RECORDING_NOT_ALLOWED_FOR_PROFILE", "HIGH", "NEW", "dashboard 3", "113", "b@example.org", "student");
        deviation(september, "RECORDING_CLOUD", "HIGH", "RESOLVED", "dashboard 4", "114", "a@example.org", "gone");
        deviation(september, "CLIENT_OUTDATED", "LOW", "NEW", "dashboard 5", null, "c@example.org", "5.1.0");
        TestWorkbooks.Registered workbook = TestWorkbooks.register(jdbc, home, september, 1);
        // a night stopped by an operator (Spring Batch says so with an exception's class name)
        JobExecution night = plant("nightlyJob", "date", "2026-11-01", BatchStatus.STOPPED,
                "org.springframework.batch.core.job.JobInterruptedException");
        // a job that failed, one running without progress since yesterday
        JobExecution failed = jobControl.run(new JobRequest(StandInJobs.FLAKY,
                new JobParametersBuilder().addString("key", "dashboard-failed").toJobParameters()), "setup");
        JobExecution stuck = plant("standInStuckJob", "key", "dashboard-stuck", BatchStatus.STARTED, "");
        jdbc.update("update batch_job_execution set start_time = ?, last_updated = ?, end_time = null where job_execution_id = ?",
                LocalDateTime.of(2026, 11, 1, 6, 0), LocalDateTime.of(2026, 11, 1, 6, 5), stuck.getId());
        // files quarantined on 1 November and 28 October (this week: the clock reads 2 November), one on 20 October
        long first = quarantined("dashboard-first.csv", "2026-11-01T08:00:00Z");
        long second = quarantined("dashboard-second.csv", "2026-10-28T08:00:00Z");
        long older = quarantined("dashboard-older.csv", "2026-10-20T08:00:00Z");

        try {
            // when the DPO signs in
            browser.get(url("/"));
            assertThat(browser.findElement(By.id("institution")).getText()).isEqualTo("Institution");
            assertThat(browser.findElement(By.id("product")).getText()).contains("zoom-compliance");
            signIn(DPO, DPO_PASSWORD);

            // then
            assertThat(browser.findElement(By.id("latest-workbook-link")).getText()).isEqualTo("2026-09 (version 1)");
            assertThat(browser.findElement(By.id("latest-workbook-link")).getAttribute("href"))
                    .endsWith("/reports/" + workbook.id() + "/download");
            assertThat(browser.findElement(By.id("open-high-count")).getText()).isEqualTo("3");
            assertThat(browser.findElement(By.id("open-high")).getAttribute("href"))
                    .endsWith("/deviations?month=2026-09&severity=HIGH&status=open");
            assertThat(browser.findElement(By.id("last-nightly-status")).getText()).isEqualTo("STOPPED");
            assertThat(browser.findElement(By.id("last-nightly")).getText()).contains("date=2026-11-01");
            assertThat(browser.findElement(By.id("last-nightly-message")).getText())
                    .isEqualTo("stopped by an operator or by a shutdown of the application; restart it to go on");
            assertThat(browser.findElement(By.id("problem-" + failed.getId())).getText())
                    .contains(StandInJobs.FLAKY, "FAILED", "stand-in failure for dashboard-failed");
            assertThat(browser.findElement(By.id("problem-" + stuck.getId())).getText())
                    .contains("standInStuckJob", "STUCK (STARTED)", "2026-11-01 07:00:00");
            assertThat(browser.findElement(By.id("quarantined-count")).getText()).isEqualTo("2");
            assertThat(browser.findElement(By.id("quarantined-" + first)).getText())
                    .contains("dashboard-first.csv", "2026-11-01 09:00:00", "no known export header");
            assertThat(browser.findElements(By.id("quarantined-" + second))).hasSize(1);
            assertThat(browser.findElements(By.id("quarantined-" + older))).isEmpty();
            assertThat(browser.findElement(By.id("zone")).getText()).isEqualTo("Times in Europe/Paris");
            assertThat(browser.findElements(By.cssSelector("a[href='/jobs']"))).isEmpty();

            // and in French once the DPO clicks FR: the same figures, in words of the other language
            browser.findElement(By.id("lang-fr")).click();
            await().atMost(PATIENCE).until(() -> browser.findElement(By.tagName("html")).getAttribute("lang").equals("fr"));
            assertThat(browser.findElement(By.cssSelector("#latest-workbook h2")).getText()).isEqualTo("Dernier classeur");
            assertThat(browser.findElement(By.id("open-high")).getText()).isEqualTo("3 écart(s) HIGH ouvert(s)");
            assertThat(browser.findElement(By.id("last-nightly-message")).getText())
                    .isEqualTo("arrêtée par un opérateur ou par l’arrêt de l’application ; relancez-la pour continuer");
            assertThat(browser.findElement(By.id("problem-" + stuck.getId())).getText())
                    .contains("standInStuckJob", "BLOQUÉE (EN COURS)", "2026-11-01 07:00:00");
            assertThat(browser.findElement(By.cssSelector("#quarantine h2")).getText())
                    .isEqualTo("Fichiers mis en quarantaine ces 7 derniers jours");
            assertThat(browser.findElement(By.id("zone")).getText()).isEqualTo("Fuseau horaire : Europe/Paris");
        } finally {
            jdbc.update("update batch_job_execution set status = 'ABANDONED', end_time = start_time where job_execution_id = ?",
                    stuck.getId());
        }
    }

    @Test
    void deviationsOpenOnTheLastEvaluatedMonthAPageAtATimeFilterAndExportAsCsv() throws Exception {
        // given October 2026, evaluated, with 30 deviations, and November, the current month, evaluated so far
        YearMonth october = YearMonth.of(2026, 10);
        EvaluatedMonths.mark(jdbc, october);
        EvaluatedMonths.mark(jdbc, october.plusMonths(1));
        deviation(october.plusMonths(1), "RECORDING_CLOUD", "HIGH", "NEW", "november 1", "82000000001", "alice@exemple.fr", "held");
        for (int i = 1; i <= 8; i++) {
            deviation(october, "RECORDING_CLOUD", "HIGH", "NEW", "cloud " + i, "8100000000" + i, "alice@exemple.fr",
                    "held in the cloud " + i);
        }
        for (int i = 1; i <= 2; i++) {
            deviation(october, "RECORDING_CLOUD", "HIGH", "RESOLVED", "cloud gone " + i, "8200000000" + i,
                    "alice@exemple.fr", "no longer held " + i);
        }
        for (int i = 1; i <= 12; i++) {
            deviation(october, "MEETING_PMI_USED", "MEDIUM", "ONGOING", "pmi " + i, "830000000" + (10 + i),
                    "bob_b@exemple.fr", "personal room " + i);
        }
        String[] topics = {"=HYPERLINK(\"http://x\")", "+cmd", "-2", "@SUM(A1)", "plain", "also plain"};
        for (int i = 1; i <= 6; i++) {
            jdbc.update("insert into deviation (month, rule_code, subject, severity, status, meeting_id, host_email, topic,"
                    + " evidence) values (?, 'CLIENT_OUTDATED', ?, 'LOW', 'NEW', ?, 'carol@exemple.fr', ?, ?)",
                    october.atDay(1), "client " + i, "8400000000" + i, topics[i - 1], "client 5.1." + i);
        }
        for (int i = 1; i <= 2; i++) {
            deviation(october, "CLIENT_OUTDATED", "LOW", "RESOLVED", "client gone " + i, "8500000000" + i,
                    "bob_b@exemple.fr", "updated " + i);
        }
        TestWorkbooks.Registered workbook = TestWorkbooks.register(jdbc, home, october, 1);

        // when the DPO opens Deviations
        browser.get(url("/deviations"));
        signIn(DPO, DPO_PASSWORD);

        // then it shows October (November is still in progress), 25 rows of 30, the most severe first
        assertThat(browser.findElement(By.id("month")).getText()).isEqualTo("2026-10");
        assertThat(browser.findElement(By.id("counts")).getText()).isEqualTo("26 deviation(s) open, 4 resolved this month.");
        assertThat(browser.findElement(By.id("rows")).getText()).startsWith("Rows 1–25 of 30.");
        assertThat(rows()).hasSize(25);
        screenshotForTheReadme("console-deviations.png");
        assertThat(rows().get(0).getText()).startsWith("RECORDING_CLOUD HIGH NEW");
        assertThat(browser.findElement(By.id("page-info")).getText()).isEqualTo("Page 1 of 2");
        assertThat(browser.findElement(By.id("workbook-link")).getAttribute("href"))
                .endsWith("/reports/" + workbook.id() + "/download");

        // and the second page: the last open one (LOW), then the 4 resolved
        browser.findElement(By.id("next-page")).click();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("page-info")).getText().equals("Page 2 of 2"));
        assertThat(browser.findElement(By.id("rows")).getText()).startsWith("Rows 26–30 of 30.");
        assertThat(rows()).extracting(WebElement::getText).satisfiesExactly(
                row -> assertThat(row).startsWith("CLIENT_OUTDATED LOW NEW"),
                row -> assertThat(row).startsWith("RECORDING_CLOUD HIGH RESOLVED"),
                row -> assertThat(row).startsWith("RECORDING_CLOUD HIGH RESOLVED"),
                row -> assertThat(row).startsWith("CLIENT_OUTDATED LOW RESOLVED"),
                row -> assertThat(row).startsWith("CLIENT_OUTDATED LOW RESOLVED"));
        assertThat(browser.findElements(By.id("next-page"))).isEmpty();

        // and filtered: resolved ones; then bob's open ones; then one meeting ID typed as Zoom shows it
        filter("filter-status", "resolved", null, null);
        assertThat(browser.findElement(By.id("rows")).getText()).startsWith("Rows 1–4 of 4.");
        filter("filter-status", "open", "filter-host", "BOB_B@");
        assertThat(browser.findElement(By.id("rows")).getText()).startsWith("Rows 1–12 of 12.");
        assertThat(rows()).allSatisfy(row -> assertThat(row.getText()).contains("MEETING_PMI_USED", "bob_b@exemple.fr"));
        assertThat(browser.findElements(By.id("pages"))).isEmpty();
        browser.findElement(By.id("filter-host")).clear();
        filter("filter-status", "", "filter-meeting", "810 0000 0003");
        assertThat(rows()).extracting(WebElement::getText).singleElement().asString().contains("81000000003", "held in the cloud 3");

        // and the LOW ones exported as CSV: every row of the filter, formulas defused
        browser.findElement(By.id("filter-meeting")).clear();
        new Select(browser.findElement(By.id("filter-severity"))).selectByValue("LOW");
        browser.findElement(By.id("filter")).click();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("rows")).getText().startsWith("Rows 1–8 of 8."));
        browser.findElement(By.id("export")).click();
        Path csv = downloads.resolve("deviations-2026-10.csv");
        await().atMost(PATIENCE).until(() -> Files.exists(csv) && Files.readString(csv).lines().count() == 9);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("\uFEFF\"Month\",\"Rule\",\"Severity\",\"Status\",\"Occurred (Europe/Paris)\","
                + "\"Meeting ID\",\"Topic\",\"Host\",\"Profile\",\"Evidence\"");
        assertThat(lines.subList(1, 9)).allSatisfy(line -> assertThat(line).startsWith("\"2026-10\",\"CLIENT_OUTDATED\",\"LOW\","));
        assertThat(lines).contains(
                "\"2026-10\",\"CLIENT_OUTDATED\",\"LOW\",\"NEW\",\"\",\"84000000001\",\"'=HYPERLINK(\"\"http://x\"\")\","
                        + "\"carol@exemple.fr\",\"\",\"client 5.1.1\"",
                "\"2026-10\",\"CLIENT_OUTDATED\",\"LOW\",\"NEW\",\"\",\"84000000002\",\"'+cmd\",\"carol@exemple.fr\",\"\",\"client 5.1.2\"",
                "\"2026-10\",\"CLIENT_OUTDATED\",\"LOW\",\"NEW\",\"\",\"84000000003\",\"'-2\",\"carol@exemple.fr\",\"\",\"client 5.1.3\"",
                "\"2026-10\",\"CLIENT_OUTDATED\",\"LOW\",\"NEW\",\"\",\"84000000004\",\"'@SUM(A1)\",\"carol@exemple.fr\",\"\",\"client 5.1.4\"");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REPORT_DOWNLOAD'"
                + " and target = 'deviations 2026-10 (8 rows)' and actor = ?", Long.class, DPO)).isEqualTo(1);

        // and the way back from the workbooks
        browser.get(url("/reports"));
        browser.findElement(By.id("deviations-2026-10-v1")).click();
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().endsWith("/deviations?month=2026-10"));
    }

    @Test
    void jobsShowANightsRunsUnderItWithWhatItDidAManualIngestAsOneRunAndARunningJobRefreshesInTheList() {
        // given a night that ingested 3 files (one quarantined), evaluated August 2026 (2 open, 1 resolved) and
        // purged 120 rows; then an operator's ingest of 2 files
        YearMonth august = YearMonth.of(2026, 8);
        EvaluatedMonths.mark(jdbc, august);
        deviation(august, "RECORDING_CLOUD", "HIGH", "NEW", "night 1", "86000000001", "a@example.org", "held");
        deviation(august, "RECORDING_CLOUD", "HIGH", "ONGOING", "night 2", "86000000002", "a@example.org", "held");
        deviation(august, "RECORDING_CLOUD", "HIGH", "RESOLVED", "night 3", "86000000003", "a@example.org", "gone");
        JobExecution night = plant("nightlyJob", "date", "2026-09-01", BatchStatus.STARTED, "");
        JobExecution firstFile = ingested("night-a.csv", "COMPLETED", null);
        JobExecution quarantinedFile = ingested("night-b.csv", "QUARANTINED", "no known export header");
        ingested("night-c.csv", "COMPLETED", null);
        JobExecution evaluation = plant(JobRequest.EVALUATE_JOB, "month", "2026-08", BatchStatus.COMPLETED, "");
        JobExecution retention = plant(JobRequest.RETENTION_JOB, "asOf", "2026-09-01", BatchStatus.COMPLETED, "");
        jdbc.update("insert into retention_purge (table_name, rows_removed, cut_off, job_execution_id)"
                + " values ('participant', 100, now(), ?), ('sign_in', 20, now(), ?)", retention.getId(), retention.getId());
        night.setStatus(BatchStatus.COMPLETED);
        night.setExitStatus(ExitStatus.COMPLETED);
        night.setEndTime(LocalDateTime.now());
        jobRepository.update(night);
        JobExecution manualFirst = ingested("manual-a.csv", "COMPLETED", null);
        JobExecution manualLast = ingested("manual-b.csv", "COMPLETED", null);

        // when an operator opens Jobs, the nightly runs only
        browser.get(url("/jobs?job=nightlyJob"));
        signIn(OPERATOR, OPERATOR_PASSWORD);

        // then the night has its summary, its runs under it
        assertThat(browser.findElement(By.id("summary-" + night.getId())).getText()).isEqualTo(
                "3 file(s) ingested, 1 quarantined; evaluated 2026-08: 2 open, 1 resolved; 120 row(s) purged. Its 5 run(s)");
        assertThat(browser.findElements(By.id("execution-" + firstFile.getId()))).isEmpty();
        browser.findElement(By.id("execution-" + night.getId())).findElement(By.tagName("a")).click();
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("night-summary")).isEmpty());
        assertThat(browser.findElement(By.id("night-files")).getText())
                .isEqualTo("3 file(s) ingested, 1 quarantined, 0 failed (left in the inbox)");
        assertThat(browser.findElement(By.id("night-month-2026-08")).getText())
                .isEqualTo("month 2026-08 evaluated (COMPLETED): 2 deviation(s) open, 1 resolved this month");
        assertThat(browser.findElement(By.id("night-purged")).getText()).isEqualTo("120 row(s) purged by retention");
        assertThat(browser.findElement(By.id("child-" + quarantinedFile.getId())).getText())
                .contains("QUARANTINED", "night-b.csv", "quarantined: no known export header");
        assertThat(browser.findElements(By.cssSelector("#night-runs tbody tr"))).hasSize(5);
        assertThat(browser.findElement(By.id("child-" + evaluation.getId())).getText()).contains("month=2026-08");

        // and the operator's ingest is one run of 2 files
        browser.get(url("/jobs?job=ingestFileJob"));
        assertThat(browser.findElement(By.id("ingest-run-" + manualLast.getId())).getText())
                .startsWith(manualFirst.getId() + "–" + manualLast.getId() + " ingest (inbox) COMPLETED 2 file(s), 0 quarantined");

        // and a job running is shown refreshing in the list without a reload, until it ends
        gate.close();
        jobControl.runInBackground(new JobRequest(StandInJobs.BLOCKING,
                new JobParametersBuilder().addString("key", "browser-list-progress").toJobParameters()), "setup");
        await().atMost(PATIENCE).until(() -> !jobRepository.findRunningJobExecutions(StandInJobs.BLOCKING).isEmpty());
        JobExecution running = jobRepository.findRunningJobExecutions(StandInJobs.BLOCKING).iterator().next();
        await().atMost(PATIENCE).until(() -> !jobRepository.getJobExecution(running.getId()).getStepExecutions().isEmpty());
        long step = jobRepository.getJobExecution(running.getId()).getStepExecutions().iterator().next().getId();
        browser.get(url("/jobs?job=" + StandInJobs.BLOCKING));
        By read = By.cssSelector("#execution-" + running.getId() + " [data-field=read]");
        assertThat(browser.findElement(read).getText()).isEqualTo("0");
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        jdbc.update("update batch_step_execution set read_count = 7 where step_execution_id = ?", step);
        await().atMost(PATIENCE).until(() -> browser.findElement(read).getText().equals("7"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
        gate.open();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(
                By.cssSelector("#execution-" + running.getId() + " [data-field=status]")).getText().equals("COMPLETED"));
    }

    /** A per-file ingest as its job records it, with its source file. */
    private JobExecution ingested(String fileName, String fileStatus, String reasons) {
        JobExecution execution = plant(JobRequest.INGEST_FILE_JOB, "sha256", fileName + "-" + System.nanoTime(),
                BatchStatus.COMPLETED, "");
        jdbc.update("insert into source_file (sha256, file_name, kind, status, reasons, job_execution_id)"
                        + " values (?, ?, 'UNKNOWN', ?, ?, ?)",
                TestWorkbooks.sha256((fileName + System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                fileName, fileStatus, reasons, execution.getId());
        return execution;
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#deviations tbody tr"));
    }

    /** Chooses a status (and types in a text field, if any) and filters, waiting for the page to come back. */
    private void filter(String select, String value, String field, String text) {
        new Select(browser.findElement(By.id(select))).selectByValue(value);
        if (field != null) {
            browser.findElement(By.id(field)).clear();
            browser.findElement(By.id(field)).sendKeys(text);
        }
        WebElement before = browser.findElement(By.id("filters"));
        browser.findElement(By.id("filter")).click();
        await().atMost(PATIENCE).until(() -> isStale(before));
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }

    /** An execution as Spring Batch records it, planted with the status and exit description given. */
    private JobExecution plant(String jobName, String parameter, String value, BatchStatus status, String description) {
        JobParameters parameters = new JobParametersBuilder().addString(parameter, value).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(jobName, parameters);
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now().minusMinutes(5));
        execution.setEndTime(status.isRunning() ? null : LocalDateTime.now());
        execution.setStatus(status);
        execution.setExitStatus(new ExitStatus(status.name(), description));
        jobRepository.update(execution);
        return execution;
    }

    private long quarantined(String fileName, String at) {
        return jdbc.queryForObject("insert into source_file (sha256, file_name, kind, status, reasons, ingested_at, finished_at)"
                        + " values (?, ?, 'UNKNOWN', 'QUARANTINED', 'no known export header', ?::timestamptz, ?::timestamptz)"
                        + " returning id", Long.class,
                TestWorkbooks.sha256(fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8)), fileName, at, at);
    }

    private void deviation(YearMonth month, String rule, String severity, String status, String subject,
            String meetingId, String host, String evidence) {
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, meeting_id, host_email, evidence)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", month.atDay(1), rule, subject, severity, status, meetingId, host, evidence);
    }

    /**
     * The README's picture of a console page, taken only when asked
     * ({@code mvn test -Dtest=ConsoleBrowserTest -Dreadme.images=docs/images}).
     */
    private void screenshotForTheReadme(String name) throws IOException {
        String folder = System.getProperty("readme.images");
        if (folder != null) {
            browser.manage().window().setSize(new Dimension(1280, 900));
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of(folder, name),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void signIn(String user, String password) {
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        // the form posts and the browser follows the redirect: wait for it rather than race the password check
        await().atMost(PATIENCE).until(() -> !browser.getCurrentUrl().contains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
