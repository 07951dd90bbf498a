package org.zoomcompliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;
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
