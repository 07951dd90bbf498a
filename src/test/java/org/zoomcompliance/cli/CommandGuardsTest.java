package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.ZoomComplianceApplication;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.support.TestClocks;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;

/**
 * The command line's guards and audit trail, each command a run of its own on one home: dates and months no
 * clock can make valid (9999, 0000) are usage errors, launches and refusals are audited as {@code cli:USER},
 * {@code audit verify} names a row altered behind the triggers' back, a second retention while one runs is refused
 * naming it, and an unusable key stops every command.
 */
class CommandGuardsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void futureDatesAndMonthsOutOfRangeAreUsageErrorsAuditedAndLaunchesAreAuditedAndChained() throws IOException {
        // given a home holding the sample month's sign-ins
        Path home = TestHomes.newHome();
        assertThat(run(home, "ingest", "sample-data/signinout_20261001_20261031.csv")).isEqualTo(ExitCodes.OK);

        // when / then
        assertThat(run(home, "retention", "--as-of", "9999-12-31")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("zoom-compliance retention: retention as of 9999-12-31 refused: the date is"
                + " after today");
        assertThat(run(home, "nightly", "--date", "9999-12-31")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(home, "evaluate", "--month", "0000-01")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("evaluate 0000-01 refused: the month must lie between 2026-10 (the earliest"
                + " month of the data held) and ");
        assertThat(run(home, "report", "--month", "9999-12")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(home, "evaluate", "--month", "2026-10")).isEqualTo(ExitCodes.OK);
        assertThat(run(home, "audit", "verify")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("the audit trail is intact: 6 row(s)");

        // and each launch and refusal is in the trail, with who ran it
        String actor = "cli:" + System.getProperty("user.name");
        try (ConfigurableApplicationContext context = start(home)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select action || ' ' || target from audit_event where actor = ? order by id",
                    String.class, actor)).containsExactly("JOB_START ingestFileJob", "JOB_REFUSED retentionJob",
                    "JOB_REFUSED nightlyJob", "JOB_REFUSED evaluateJob", "JOB_REFUSED reportJob", "JOB_START evaluateJob");
            assertThat(jdbc.queryForObject("select count(*) from batch_job_execution_params where parameter_value"
                    + " in ('9999-12-31', '0000-01', '9999-12')", Integer.class)).isZero();

            // when a row is altered directly, the append-only trigger disabled
            long altered = jdbc.queryForObject("select id from audit_event where target = 'reportJob'", Long.class);
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                jdbc.execute("alter table audit_event disable trigger audit_event_append_only");
                jdbc.update("update audit_event set actor = 'cli:someone-else' where id = ?", altered);
                jdbc.execute("alter table audit_event enable trigger audit_event_append_only");
            });

            // then verify fails naming it (after this context has closed the home's database)
            context.close();
            assertThat(run(home, "audit", "verify")).isEqualTo(ExitCodes.FAILED);
            assertThat(err.toString()).contains("zoom-compliance audit verify: the audit trail is broken at row " + altered
                    + ": its content does not match its hash");
        }
    }

    @Test
    void aKeyOpenToOthersStopsEveryCommandWithExit4() throws IOException {
        // given a key file that group and others may read
        Path home = TestHomes.newHome();
        Path key = Files.writeString(Files.createDirectories(home.resolve("keys")).resolve("key-v1"),
                Base64.getEncoder().encodeToString(new byte[32]), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        // when / then
        for (List<String> command : List.of(List.of("ingest"), List.of("evaluate", "--month", "2026-10"),
                List.of("jobs", "list"), List.of("keys", "status"))) {
            out.getBuffer().setLength(0);
            assertThat(run(home, command.toArray(String[]::new))).as(String.join(" ", command))
                    .isEqualTo(ExitCodes.CONFIGURATION);
            assertThat(out.toString() + err).as(String.join(" ", command)).contains("open to group or others");
        }
    }

    @Test
    void aSecondRetentionWhileOneRunsIsRefusedNamingItAndAudited() throws Exception {
        // given a home with data, and a retention run from the command line held at its first purge by a lock on
        // the table it purges first (another process: the embedded server is shared)
        Path home = TestHomes.newHome();
        assertThat(run(home, "ingest", "sample-data/signinout_20261001_20261031.csv")).isEqualTo(ExitCodes.OK);
        try (ConfigurableApplicationContext context = start(home);
                Connection holder = context.getBean(DataSource.class).getConnection();
                Statement lock = holder.createStatement()) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            holder.setAutoCommit(false);
            // EXCLUSIVE: its delete waits, the reads every command makes before (the keys' tables) do not
            lock.execute("lock table participant_join in exclusive mode");
            StringWriter firstErr = new StringWriter();
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> run(new StringWriter(), firstErr,
                    home, "retention", "--as-of", "2026-11-01"));
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject("select count(*)"
                    + " from batch_job_execution e join batch_job_instance i on i.job_instance_id = e.job_instance_id"
                    + " where i.job_name = 'retentionJob' and e.status = 'STARTED'", Integer.class) == 1);
            // the retention's own execution: its first step ran an evaluate job of its own
            long running = jdbc.queryForObject("select e.job_execution_id from batch_job_execution e"
                    + " join batch_job_instance i on i.job_instance_id = e.job_instance_id"
                    + " where i.job_name = 'retentionJob' and e.status = 'STARTED'", Long.class);

            // when another one is asked for from the command line, of another date
            StringWriter secondErr = new StringWriter();
            int second = run(new StringWriter(), secondErr, home, "retention", "--as-of", "2026-10-31");

            // then it is refused, naming the running one, and audited; the first then completes
            assertThat(second).isEqualTo(ExitCodes.FAILED);
            assertThat(secondErr.toString()).contains("retention as of 2026-11-01 is already running (execution "
                    + running);
            holder.rollback();
            assertThat(first.get(120, TimeUnit.SECONDS)).as(firstErr.toString()).isEqualTo(ExitCodes.OK);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where actor like 'cli:%'"
                    + " and action = 'JOB_REFUSED' and detail like ?", Integer.class,
                    "%is already running (execution " + running + "%")).isEqualTo(1);
        }
    }

    private int run(Path home, String... args) {
        return run(out, err, home, args);
    }

    private static int run(StringWriter out, StringWriter err, Path home, String... args) {
        CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = home.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        return commandLine.execute(withHome);
    }

    private static ConfigurableApplicationContext start(Path home) {
        return new SpringApplicationBuilder(ZoomComplianceApplication.class).web(WebApplicationType.NONE)
                .properties(HomeFolder.PROPERTY + "=" + home).run();
    }
}
