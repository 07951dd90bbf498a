package org.zoomcompliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.zoomcompliance.operations.JobGuard;
import org.zoomcompliance.operations.JobRequest;
import org.zoomcompliance.support.WebIntegrationTest;

/**
 * The console against a hostile visitor: cookie attributes and headers, throttled and audited sign-ins, unknown
 * addresses, HEAD requests, and the guards of destructive jobs (future dates, months out of range, two retention
 * runs at once).
 */
class ConsoleHardeningTest extends WebIntegrationTest {

    private static final RequestPostProcessor AS_OPERATOR = user("operator-guards").roles("OPERATOR");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JobGuard guard;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theSessionCookieIsSameSiteLaxAndSecureOnlyBehindTls() throws Exception {
        // when
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(url("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> proxied = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());

        // then
        String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure", "SameSite=Lax");
        assertThat(plain.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(plain.headers().firstValue("Permissions-Policy")).contains(WebSecurityConfiguration.PERMISSIONS_POLICY);
    }

    @Test
    void anUnknownAddressAnswers404WithTheConsolesLayout() throws Exception {
        // given a signed-in DPO
        String login = http.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(login);
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + DPO + "&password="
                        + URLEncoder.encode(DPO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .doesNotContain("error"));

        // when
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(url("/no-such-page")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("404 Not Found", "href=\"/reports\"", "/css/console.css", DPO);
    }

    @Test
    void failedSignInsOfAUserAreThrottledThenLockedOutAndAudited() throws Exception {
        // when two wrong passwords, then the right one at once, from one client
        signIn(LOCKED_OUT, "wrong-1", "10.1.1.1").andExpect(redirectedUrl("/login?error"));
        signIn(LOCKED_OUT, "wrong-2", "10.1.1.1").andExpect(redirectedUrl("/login?error"));

        // then the right password is not even checked, and hammering locks the user out, from any client
        signIn(LOCKED_OUT, LOCKED_OUT_PASSWORD, "10.1.1.1").andExpect(redirectedUrl("/login?throttled")).andExpect(unauthenticated());
        signIn(LOCKED_OUT, LOCKED_OUT_PASSWORD, "10.1.1.1").andExpect(redirectedUrl("/login?throttled"));
        signIn(LOCKED_OUT, LOCKED_OUT_PASSWORD, "10.1.1.1").andExpect(redirectedUrl("/login?throttled"));
        signIn(LOCKED_OUT, LOCKED_OUT_PASSWORD, "10.1.1.2").andExpect(redirectedUrl("/login?throttled")).andExpect(unauthenticated());
        mvc.perform(get("/login?throttled")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Too many failed sign-ins")));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'SIGN_IN_FAILED'"
                + " and target = 'user lockout'", Integer.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'SIGN_IN_LOCKED'"
                + " and target = 'user lockout'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("select detail from audit_event where target = 'user lockout'", String.class))
                .allSatisfy(detail -> assertThat(detail).contains(" from ").doesNotContain("10.1.1.")
                        .doesNotContain(LOCKED_OUT_PASSWORD).doesNotContain("wrong-"));
    }

    @Test
    void failedSignInsFromOneClientLockThatClientOutAndUnknownNamesAreNeverStored() throws Exception {
        // when one client tries five unknown names
        String clientLockouts = "select count(*) from audit_event where action = 'SIGN_IN_LOCKED' and target like 'client from %'";
        int lockedBefore = jdbc.queryForObject(clientLockouts, Integer.class);
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn("nobody-" + attempt, "guess", "10.3.3.3").andExpect(unauthenticated());
        }

        // then that client is refused even with a right password, another client is not
        signIn(DPO, DPO_PASSWORD, "10.3.3.3").andExpect(redirectedUrl("/login?throttled")).andExpect(unauthenticated());
        signIn(DPO, DPO_PASSWORD, "10.3.3.4").andExpect(authenticated().withUsername(DPO));
        assertThat(jdbc.queryForObject(clientLockouts, Integer.class)).isEqualTo(lockedBefore + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where concat(target, detail) like '%nobody-%'"
                + " or concat(target, detail) like '%10.3.3.%'", Integer.class)).isZero();
    }

    @Test
    void aHeadRequestOnADownloadIsNotADownload() throws Exception {
        // given (a month of its own: the console's tests share one database)
        TestWorkbooks.Registered workbook = TestWorkbooks.register(jdbc, home, YearMonth.of(2032, 6), 1);

        // when / then
        mvc.perform(head("/reports/" + workbook.id() + "/download").with(user("dpo-head").roles("DPO")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where sha256 = ?", Integer.class,
                workbook.sha256())).isZero();
    }

    @Test
    void aFutureDateOrAMonthOutOfRangeIsRefusedAndAudited() throws Exception {
        // when / then
        mvc.perform(post("/jobs/start").param("job", "retention").param("date", "9999-12-31").with(AS_OPERATOR).with(csrf()))
                .andExpect(redirectedUrl("/jobs"))
                .andExpect(flash().attribute("error", containsString("retention as of 9999-12-31 refused: the date is after today")));
        mvc.perform(post("/jobs/start").param("job", "nightly").param("date", guard.today().plusDays(1).toString())
                        .with(AS_OPERATOR).with(csrf()))
                .andExpect(flash().attribute("error", containsString("refused: the date is after today")));
        mvc.perform(post("/jobs/start").param("job", "evaluate").param("month", "0000-01").with(AS_OPERATOR).with(csrf()))
                .andExpect(flash().attribute("error", containsString("evaluate 0000-01 refused")));
        mvc.perform(post("/jobs/start").param("job", "report").param("month", YearMonth.from(guard.today()).plusMonths(1)
                        .toString()).with(AS_OPERATOR).with(csrf()))
                .andExpect(flash().attribute("error", containsString("refused")));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'operator-guards'"
                + " and action = 'JOB_REFUSED'", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution e join batch_job_execution_params p"
                + " on p.job_execution_id = e.job_execution_id where p.parameter_value in ('9999-12-31', '0000-01')",
                Integer.class)).isZero();
    }

    @Test
    void aSecondRetentionWhileOneRunsIsRefusedNamingIt() throws Exception {
        // given a retention run held at its first purge by a lock on the table it purges first
        LocalDate today = guard.today();
        JobExecution running;
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("lock table participant_join in access exclusive mode");
            mvc.perform(post("/jobs/start").param("job", "retention").param("date", today.toString())
                    .with(user("operator-retention").roles("OPERATOR")).with(csrf())).andExpect(flash().attribute("message", containsString("started")));
            await().atMost(Duration.ofSeconds(60)).until(() -> !jobRepository.findRunningJobExecutions(JobRequest.RETENTION_JOB).isEmpty());
            running = jobRepository.findRunningJobExecutions(JobRequest.RETENTION_JOB).iterator().next();

            // when another one is asked for, of another date
            ResultActions second = mvc.perform(post("/jobs/start").param("job", "retention")
                    .param("date", today.minusDays(1).toString()).with(user("operator-retention").roles("OPERATOR")).with(csrf()));

            // then it is refused, naming the running one, and audited
            second.andExpect(flash().attribute("error", containsString("retention as of " + today
                    + " is already running (execution " + running.getId())));
            holder.rollback();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jobRepository.getJobExecution(running.getId()).getStatus()
                == BatchStatus.COMPLETED);
        // the console's action ran the one retention flow: recordings judged, data purged, unused keys destroyed
        assertThat(jobRepository.getJobExecution(running.getId()).getStepExecutions())
                .extracting(StepExecution::getStepName)
                .containsExactly("retentionJudgeStep", "retentionPurgeStep", "retentionKeysStep");
        // and the same date asked for again is said to be done already, naming the execution
        mvc.perform(post("/jobs/start").param("job", "retention").param("date", today.toString())
                        .with(user("operator-retention").roles("OPERATOR")).with(csrf()))
                .andExpect(flash().attribute("message", containsString("has already completed (execution "
                        + running.getId() + ", ended ")));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'operator-retention'"
                + " and action = 'JOB_REFUSED' and detail like '%is already running (execution " + running.getId() + "%'",
                Integer.class)).isEqualTo(1);
    }

    private ResultActions signIn(String name, String password, String client) throws Exception {
        return mvc.perform(post("/login").param("username", name).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
