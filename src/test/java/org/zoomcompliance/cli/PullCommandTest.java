package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.infrastructure.EmbeddedPostgresServer;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.pull.FakeZoom;
import org.zoomcompliance.pull.ZoomDayFixture;
import org.zoomcompliance.support.TestClocks;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;

/**
 * {@code pull} from the command line against a fake Zoom API on the loopback interface: its guards (a day after
 * or on today, a day beyond Zoom's 6 months, an unknown kind, no app, a secret file open to others), its dry
 * run, and the whole chain: the month pulled from the API and the same month read from the equivalent CSV exports
 * give the same register; the reports no CSV export gives (history meetings, disclaimers) then add their evidence;
 * and no address the API answered reaches a table, the write-ahead log, a log, the console or the workbook.
 */
@ExtendWith(OutputCaptureExtension.class)
class PullCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void datesKindsAndConfigurationAreCheckedBeforeAnyCall() throws IOException {
        Path home = newHome();
        try (FakeZoom zoom = new FakeZoom()) {
            assertThat(run(home, Map.of(), "pull", "--from", "2026-10-06", "--to", "2026-10-05")).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("--from 2026-10-06 is after --to 2026-10-05");
            assertThat(run(home, Map.of(), "pull", "--from", "2026-10-05", "--to", "2026-10-05", "--kinds", "bogus"))
                    .isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("unknown kind 'bogus'; kinds: participants,dashboard,signins");
            assertThat(run(home, Map.of(), "pull", "--from", "2026-10-05", "--to", "2026-10-05")).isEqualTo(ExitCodes.CONFIGURATION);
            assertThat(err.toString()).contains("Zoom's API is not configured: set zoom.api.account-id");

            Map<String, String> api = api(zoom);
            assertThat(run(home, api, "pull", "--from", "2026-11-03", "--to", "2026-11-03")).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("pull refused: --to 2026-11-03 is after today (2026-11-02)");
            assertThat(run(home, api, "pull", "--from", "2026-11-01", "--to", "2026-11-02")).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("today (2026-11-02) is not over");
            assertThat(run(home, api, "pull", "--from", "2026-04-30", "--to", "2026-05-03")).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString()).contains("answer for the last 6 months only (from 2026-05-02 today)");

            // a dry run calls nothing and says what the daily cap allows
            assertThat(run(home, api, "pull", "--from", "2026-10-01", "--to", "2026-10-31", "--dry-run")).isZero();
            assertThat(out.toString()).contains("for 31 day(s), 2026-10-01 to 2026-10-31",
                    "GET /report/meetings/{uuid}/participants (heavy): 1 call a page for each meeting of the day",
                    "daily cap: 60000 Heavy and Resource-intensive calls a day",
                    "GET /accounts/me/recordings (medium): once, the recordings held today that started in the last 13"
                            + " months: 1 call a page for each month",
                    "GET /report/history_meetings (heavy): each day, 1 call a page",
                    "GET /report/disclaimer (heavy): each day, 1 call a page",
                    "at least 155 of them for these days, then 2 per meeting of up to 300 participants: the cap allows"
                            + " about 29922 meetings in all");

            // a secret file others may read is refused, never used
            Path secret = Files.createDirectories(home.resolve("zoom-api")).resolve("client-secret");
            Files.writeString(secret, FakeZoom.SECRET);
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
            assertThat(run(home, api, "pull", "--from", "2026-10-05", "--to", "2026-10-05")).isEqualTo(ExitCodes.CONFIGURATION);
            assertThat(err.toString()).contains("is open to other accounts (mode rw-r--r--)");
            assertThat(zoom.calls()).isEmpty();

            // a secret Zoom refuses stops the pull at its first call
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(secret, "not-the-secret");
            assertThat(run(home, api, "pull", "--from", "2026-10-05", "--to", "2026-10-05")).isEqualTo(ExitCodes.FAILED);
            assertThat(err.toString()).contains("pull stopped: POST /oauth/token was refused: HTTP 400")
                    .doesNotContain("not-the-secret");
            assertThat(zoom.calls()).containsExactly("POST /oauth/token");
        }
    }

    @Test
    void theMonthPulledAndTheSameMonthReadFromCsvExportsGiveTheSameRegisterAndNoAddressLeaks(CapturedOutput output)
            throws Exception {
        try (FakeZoom zoom = new FakeZoom()) {
            // given the fake API holding a day, a home with the app's secret
            ZoomDayFixture.load(zoom, "2026-10-05", "05");
            ZoomDayFixture.loadReports(zoom, "2026-10-05", "05");
            Path pulled = newHome();
            Path secret = Files.createDirectories(pulled.resolve("zoom-api")).resolve("client-secret");
            Files.writeString(secret, FakeZoom.SECRET);
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            Map<String, String> api = api(zoom);

            // when the day's kinds that CSV exports also give are pulled and the month evaluated
            assertThat(run(pulled, api, "pull", "--from", "2026-10-05", "--to", "2026-10-05", "--kinds",
                    "participants,dashboard,signins,operations,users,recordings")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("zoom-api participants 2026-10-05 85218486205", "COMPLETED",
                    "read 4, ingested 4, rejected 0, duplicate 0", "23 windows: read 18, ingested 18, rejected 0, duplicate 0");
            assertThat(run(pulled, api, "evaluate", "--month", "2026-10")).isZero();

            // and the CSV exports of the same day are read in another home (with the same key)
            Path read = newHome();
            Files.createDirectories(read.resolve("keys"));
            try (Stream<Path> keys = Files.list(pulled.resolve("keys"))) {
                for (Path key : keys.toList()) {
                    Files.copy(key, read.resolve("keys").resolve(key.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Path exports = Files.createDirectories(read.resolve("exports"));
            for (String export : List.of("participants_85218486205.csv", "participants_91234567805.csv",
                    "dashboard_participants_85218486205.csv", "signinout_20261005_20261005.csv",
                    "operationlog_20261005_20261005.csv", "zoomus_users_20261102.csv", "zoomus_recordings__20261102.csv")) {
                try (InputStream in = getClass().getResourceAsStream("/fixtures/pull/2026-10-05/" + export)) {
                    Files.copy(in, exports.resolve(export));
                }
            }
            assertThat(run(read, Map.of(), "ingest", exports.toString())).as(out.toString()).isZero();
            assertThat(run(read, Map.of(), "evaluate", "--month", "2026-10")).isZero();

            // then the registers are the same, and not empty
            List<String> fromApi = register(pulled);
            assertThat(fromApi).hasSizeGreaterThan(3);
            assertThat(register(read)).containsExactlyElementsOf(fromApi);
            assertThat(fromApi).anyMatch(row -> row.startsWith("CLIENT_OUTDATED"))
                    .anyMatch(row -> row.startsWith("TRANSFER_OUTSIDE_EU"))
                    .anyMatch(row -> row.startsWith("rule | RECORDING_CONSENT_MISSING | f | not evaluated"));

            // when the reports only the API gives are pulled too, the month evaluated again and its workbook built
            assertThat(run(pulled, api, "pull", "--from", "2026-10-05", "--to", "2026-10-05", "--kinds",
                    "history,disclaimers")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("zoom-api history meetings 2026-10-05", "zoom-api disclaimers 2026-10-05",
                    "2 windows: read 5, ingested 5, rejected 0, duplicate 0");
            assertThat(run(pulled, api, "evaluate", "--month", "2026-10")).isZero();
            assertThat(run(pulled, api, "report", "--month", "2026-10")).isZero();

            // then the recorded meeting's consent is judged: the guest did not answer, Carla acknowledged another notice
            assertThat(register(pulled)).anyMatch(row -> row.startsWith(
                    "RECORDING_CONSENT_MISSING | occurrence:85218486205@2026-10-05T08:00:00Z")
                    && row.contains("2 of 4 participants did not acknowledge the recording notice"));

            // and no address the API answered is anywhere
            try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.open(HomeFolder.resolve(pulled.toString()))) {
                JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
                for (String table : jdbc.queryForList("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE'", String.class)) {
                    for (String row : jdbc.queryForList("select t::text from \"" + table + "\" t", String.class)) {
                        assertNoAddress(row, "table " + table);
                    }
                }
                jdbc.execute("analyze");
                for (String row : jdbc.queryForList("select s::text from pg_stats s where schemaname = 'public'", String.class)) {
                    assertNoAddress(row, "pg_stats");
                }
            }
            try (Stream<Path> segments = Files.list(pulled.resolve("postgres/pg_wal"))) {
                for (Path segment : segments.filter(Files::isRegularFile).toList()) {
                    assertNoAddress(new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1), segment.toString());
                }
            }
            try (Stream<Path> logs = Files.list(pulled.resolve("logs"))) {
                for (Path log : logs.toList()) {
                    assertNoAddress(Files.readString(log), log.toString());
                }
            }
            assertNoAddress(output.getAll(), "the console");
            assertNoAddress(out.toString() + err, "the command's output");
            String workbook = unzip(pulled.resolve("reports/2026-10/zoom-compliance-2026-10.xlsx"));
            assertNoAddress(workbook, "the workbook");
            // the windows are listed in Data quality as files are
            assertThat(workbook).contains("zoom-api participants 2026-10-05 85218486205 2026-10-05T08:00:00Z",
                    "zoom-api sign-ins 2026-10-05");
            // nothing of the answers was kept on disk: the home holds no file but the database's, keys, logs, reports
            try (Stream<Path> files = Files.walk(pulled)) {
                assertThat(files.filter(Files::isRegularFile).map(pulled::relativize).map(Path::toString)
                        .filter(p -> !p.startsWith("postgres") && !p.startsWith("keys/") && !p.startsWith("logs/")
                                && !p.startsWith("reports/") && !p.equals("policy.yml") && !p.equals("zoom-api/client-secret")))
                        .isEmpty();
            }
        }
    }

    /** The month's register: deviations and the rules' evaluation, as text. */
    private static List<String> register(Path home) throws IOException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.open(HomeFolder.resolve(home.toString()))) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
            List<String> rows = new java.util.ArrayList<>(jdbc.queryForList("""
                    select concat_ws(' | ', rule_code, subject, severity, status, occurred_at, meeting_id, topic,
                                     host_email, profile, evidence)
                    from deviation where month = '2026-10-01' order by rule_code, subject""", String.class));
            rows.addAll(jdbc.queryForList("""
                    select concat_ws(' | ', 'rule', rule_code, evaluated, reason, deviation_count)
                    from rule_evaluation where month = '2026-10-01' order by rule_code""", String.class));
            return rows;
        }
    }

    private static Map<String, String> api(FakeZoom zoom) {
        return Map.of("zoom.api.account-id", FakeZoom.ACCOUNT, "zoom.api.client-id", FakeZoom.CLIENT,
                "zoom.api.oauth-url", zoom.url(), "zoom.api.base-url", zoom.url() + "/v2",
                "zoom.api.back-off", "1ms", "zoom.api.max-back-off", "20ms");
    }

    private static Path newHome() throws IOException {
        Path home = TestHomes.newHome();
        Files.copy(Path.of("sample-data/policy.yml"), home.resolve("policy.yml"));
        return home;
    }

    /** Runs a command on a home, the settings given as system properties for that run only. */
    private int run(Path home, Map<String, String> properties, String... args) {
        properties.forEach(System::setProperty);
        try {
            CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            String[] withHome = new String[args.length + 2];
            withHome[0] = "--home";
            withHome[1] = home.toString();
            System.arraycopy(args, 0, withHome, 2, args.length);
            return commandLine.execute(withHome);
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    private static void assertNoAddress(String text, String where) {
        for (String address : ZoomDayFixture.ADDRESSES) {
            assertThat(text).as("%s holds the clear address %s", where, address).doesNotContain(address);
        }
    }

    private static String unzip(Path workbook) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }
}
