package org.zoomcompliance.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.zoomcompliance.ZoomComplianceApplication;
import org.zoomcompliance.cli.ZoomComplianceCommand;
import org.zoomcompliance.infrastructure.EmbeddedPostgresServer;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;
import org.zoomcompliance.support.TestClocks;

/**
 * No clear IP address anywhere: exports full of distinctive addresses (IPv4, IPv6 in long and short form,
 * IPv4-mapped, bracketed, zoned, invalid, inside broken rows and inside a file in the wrong encoding), in the address
 * columns and in every free-text field (topics, display and original names, host names, devices, locations,
 * network and connection types, data centres, leave reasons, client types, sign-in types, operators, operation
 * details, user types, departments, groups, a webinar's topic and its registrants' names and approval status),
 * followed by punctuation, prefixed with {@code IP:}, with ports, and in
 * file names (one named after an address, one whose name holds a newline), go through the whole chain by the command
 * line; then every table (Spring Batch's parameters and execution contexts and the quarantine included), PostgreSQL's
 * statistics after {@code ANALYZE}, its write-ahead log, the logs, the console output, every page of the web
 * console, the workbook, the reason
 * files and the temporary folder are searched. Quarantined rows keep neither cities nor device names.
 */
@ExtendWith(OutputCaptureExtension.class)
class AddressLeakTest {

    /** Every address of the fixtures, as written there and in canonical form. */
    private static final List<String> ADDRESSES = List.of(
            "198.18.233.171", "2001:0db8:0000:0000:0000:0000:cafe:0042", "2001:db8::cafe:42", "198.18.77.201",
            "2001:db8:feed::99", "fe80::beef:1", "555216871.226", "198.19.44.201", "198.19.44.202", "198.19.45.203",
            "198.19.46.204", "198.18.100.1", "2001:db8:abba::7", "198.18.150.150", "2001:db8:c0ff:ee::1",
            "198.18.151.151", "999.18.1.1", "198.18.152.152", "198.18.153.153", "198.18.160.160",
            // the networks they belong to are pseudonymised too
            "198.18.233.0", "2001:db8:feed::/48", "2001:db8:feed:0:0:0:0:0",
            // in free text, in each form people and old exports write them
            "192.168.1.20", "192.168.77.1", "192.168.1.26", "2001:db8:5ee::1", "2001:db8:5ee:0:0:0:0:1", "fe80::77",
            "10.55.66.77", "2001:0db8:0000:0000:0000:0000:0bad:0001", "2001:db8::bad:1", "10.1.2.3", "198.18.200.1",
            "10.9.8.7", "10.11.12.13", "198.51.100.77", "10.14.15.16", "2001:db8:1e::5", "198.18.200.2",
            "172.717.19.127", "198.18.210.1", "198.18.210.2", "198.18.220.1", "172.20.30.40", "10.21.31.41",
            "198.18.220.2", "10.22.32.42", "10.20.30.40", "10.23.33.43", "10.24.34.44", "192.168.1.27",
            "2001:db8:ab::9", "10.25.35.45", "10.26.36.46", "10.27.37.47", "10.28.38.48", "10.29.39.49",
            "10.30.40.50", "198.18.230.1",
            // in a webinar attendee report: topic, names, a registrant's last name and approval status
            "198.18.240.1", "10.31.41.51", "2001:db8:face::7", "2001:db8:face:0:0:0:0:7", "10.32.42.52",
            "198.18.240.2",
            // in file names
            "10.44.44.44", "10.77.77.77");

    /** What normal ingest drops, which a quarantined row must not keep either: a city, audio and device names. */
    private static final List<String> DROPPED = List.of("grenoble-quarantaine", "olga-jabra", "olga-bose", "olga-logi",
            "pc-mia", "00-1a-2b-3c-4d-5f");

    /** A file name holding a newline that would start a forged line in a log or a summary. */
    private static final String FORGING_NAME = "signinout_20261011\nforged ERROR line 10.77.77.77.csv";

    @Test
    void noClearAddressReachesTheDatabaseTheLogsTheReportOrTheTemporaryFolder(CapturedOutput output) throws Exception {
        // given exports full of addresses in a fresh home's inbox
        Instant start = Instant.now().minusSeconds(1);
        Path home = TestHomes.newHome();
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        for (String fixture : List.of("dashboard_participants_95000000001.csv", "dashboard_participants_95000000002.csv",
                "signinout_20261001_20261031.csv", "signinout_latin1.csv", "participants_10.44.44.44.csv",
                "meetinglistdetails_20261001_20261031.csv", "dashboard_participants_95100000005.csv",
                "dashboard_participants_95100000006.csv", "signinout_20261002_20261030.csv",
                "operationlog_20261001_20261031.csv", "zoomus_users_20261031.csv", "inactive_hosts_20261001_20261031.csv",
                "zoomus_recordings__20261031.csv", "webinar_attendee_report_952000001.csv")) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/leak/" + fixture)) {
                Files.copy(in, inbox.resolve(fixture));
            }
        }
        try (InputStream in = getClass().getResourceAsStream("/fixtures/leak/signinout_newline.csv")) {
            Files.copy(in, inbox.resolve(FORGING_NAME));
        }

        // when the whole chain runs through the command line
        assertThat(run("--home", home.toString(), "ingest")).isZero();
        assertThat(run("--home", home.toString(), "evaluate", "--month", "2026-10")).isZero();
        assertThat(run("--home", home.toString(), "report", "--month", "2026-10")).isZero();
        assertThat(run("--home", home.toString(), "retention", "--as-of", "2026-11-01")).isZero();
        StringWriter lookup = new StringWriter();
        assertThat(run(lookup, "--home", home.toString(), "lookup", "--ip", "198.18.233.171", "--month", "2026-10")).isZero();
        assertThat(lookup.toString()).contains("95000000001");
        StringWriter jobs = new StringWriter();
        assertThat(run(jobs, "--home", home.toString(), "jobs", "list", "--limit", "50")).isZero();
        assertThat(jobs.toString()).contains("ingestFileJob", "participants_[address].csv", "signinout_20261011\\x{0A}forged");

        // then the chain did its work: rows in, bad rows and the badly encoded file quarantined
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.open(HomeFolder.resolve(home.toString()))) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
            assertThat(jdbc.queryForObject("select count(*) from dashboard_participant", Integer.class)).isEqualTo(11);
            assertThat(jdbc.queryForObject("select count(*) from sign_in", Integer.class)).isEqualTo(7);
            assertThat(jdbc.queryForObject("select count(*) from quarantined_row", Integer.class)).isGreaterThanOrEqualTo(5);
            assertThat(jdbc.queryForObject("select count(*) from source_file where status = 'QUARANTINED'", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from source_file where status = 'COMPLETED'", Integer.class)).isEqualTo(14);
            for (String table : List.of("operation_log", "zoom_user", "host_activity", "recording",
                    "webinar_registration")) {
                assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class)).as(table).isPositive();
            }
            // free text keeps its meaning, the address in it replaced by its pseudonym, the punctuation kept
            assertThat(jdbc.queryForObject("select topic from meeting where meeting_id = '95100000003'", String.class))
                    .matches("Réunion serveur ip:[0-9a-f]{32}\\.");
            assertThat(jdbc.queryForObject("select client_version from dashboard_participant where name = 'Noe Leak'",
                    String.class)).isEqualTo("4.0.36525.0619");
            assertThat(jdbc.queryForList("select file_name from source_file", String.class))
                    .contains("participants_[address].csv", FORGING_NAME.replace("10.77.77.77", "[address]").replace("\n", "\\x{0A}"));
            // a quarantined row keeps what ingest keeps: the country, not the city nor the audio devices
            assertThat(jdbc.queryForObject("select content from quarantined_row where content like '%Olga Leak%'",
                    String.class)).contains("location=FR").contains("ip_address=ip:");

            // and no address in any table, Spring Batch's included
            List<String> tables = jdbc.queryForList(
                    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
                    String.class);
            assertThat(tables).contains("batch_step_execution_context", "batch_job_execution_params", "quarantined_row");
            for (String table : tables) {
                for (String row : jdbc.queryForList("select t::text from \"" + table + "\" t", String.class)) {
                    assertNoAddress(row, "table " + table);
                    assertNothingDropped(row, "table " + table);
                }
            }
            // nor in PostgreSQL's statistics, which sample the tables' values
            jdbc.execute("analyze");
            assertThat(jdbc.queryForObject("select count(*) from pg_stats where schemaname = 'public'"
                    + " and tablename = 'meeting' and attname = 'topic'", Integer.class)).isOne();
            for (String row : jdbc.queryForList("select s::text from pg_stats s where schemaname = 'public'", String.class)) {
                assertNoAddress(row, "pg_stats");
                assertNothingDropped(row, "pg_stats");
            }
            // the service's role may not CHECKPOINT; closing the server below writes its WAL out all the same
        }
        // nor on any page of the console, signed in with both roles
        for (String page : consolePages(home)) {
            assertNoAddress(page, "a console page");
            assertNothingDropped(page, "a console page");
            assertThat(page).doesNotContain("\nforged");
        }
        // nor in the write-ahead log, which holds every row ever written, deleted ones included
        try (Stream<Path> segments = Files.list(home.resolve("postgres/pg_wal"))) {
            List<Path> wal = segments.filter(Files::isRegularFile).toList();
            assertThat(wal).isNotEmpty();
            for (Path segment : wal) {
                String bytes = new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1);
                assertNoAddress(bytes, segment.toString());
                assertNothingDropped(bytes, segment.toString());
            }
        }
        // nor in the logs, the console, the workbook, the reason files, the keys or the temporary folder
        try (Stream<Path> logs = Files.list(home.resolve("logs"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                assertNoAddress(text, log.toString());
                assertThat(text).as(log.toString()).doesNotContain("\nforged");
            }
        }
        assertNoAddress(output.getAll(), "the console output");
        assertThat(output.getAll()).doesNotContain("\nforged");
        Path workbook = home.resolve("reports/2026-10/zoom-compliance-2026-10.xlsx");
        assertThat(workbook).exists();
        for (Path written : filesUnder(home.resolve("reports"), Instant.EPOCH)) {
            // the workbooks and anything else left there (POI's temporary sheet files are created under reports/)
            assertNoAddress(written.toString().endsWith(".xlsx") ? unzip(written) : Files.readString(written,
                    StandardCharsets.ISO_8859_1), written.toString());
        }
        for (Path written : filesUnder(home.resolve("quarantine"), Instant.EPOCH)) {
            if (written.toString().endsWith(".reason.txt")) {
                assertNoAddress(Files.readString(written), written.toString());
            }
        }
        for (Path key : filesUnder(home.resolve("keys"), Instant.EPOCH)) {
            assertNoAddress(Files.readString(key), key.toString());
        }
        // The temporary folder, less this project's own folder when the checkout lives under it (its test homes hold
        // raw exports, addresses and all, in inbox/, processed/ and quarantine/ by design: checked above instead).
        Path project = Path.of("").toAbsolutePath();
        for (Path temporary : filesUnder(Path.of(System.getProperty("java.io.tmpdir")), start)) {
            if (temporary.toAbsolutePath().startsWith(project)) {
                continue;
            }
            byte[] content;
            try {
                content = Files.readAllBytes(temporary);
            } catch (IOException goneOrNotOurs) {
                continue; // removed since listed (a lock file, another process's scratch): nothing left behind
            }
            assertNoAddress(new String(content, StandardCharsets.ISO_8859_1), temporary.toString());
        }
    }

    private static void assertNothingDropped(String text, String where) {
        for (String dropped : DROPPED) {
            assertThat(text.toLowerCase()).as("%s holds %s, which ingest drops", where, dropped).doesNotContain(dropped);
        }
    }

    private static void assertNoAddress(String text, String where) {
        for (String address : ADDRESSES) {
            assertThat(text.toLowerCase()).as("%s holds the clear address %s", where, address).doesNotContain(address);
        }
    }

    private static int run(String... args) {
        return run(new StringWriter(), args);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        int exit = commandLine.execute(args);
        assertNoAddress(out.toString().replace("--ip 198.18.233.171", ""), "the output of " + String.join(" ", args));
        assertThat(out.toString()).as("the output of %s", String.join(" ", args)).doesNotContain("\nforged");
        return exit;
    }

    /**
     * Every page of the console over this home, as a browser gets it: the home page, the deviations of the month
     * (each severity), the reports, the jobs and each job's page, the audit trail.
     */
    private static List<String> consolePages(Path home) throws Exception {
        String password = "leak-test-password";
        List<String> pages = new ArrayList<>();
        try (ConfigurableApplicationContext console = new SpringApplicationBuilder(ZoomComplianceApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(HomeFolder.PROPERTY + "=" + home, "server.port=0", "zoom-compliance.schedule.enabled=false",
                        "zoom-compliance.users[0].name=leak", "zoom-compliance.users[0].roles=DPO,OPERATOR",
                        "zoom-compliance.users[0].password-hash=" + new BCryptPasswordEncoder().encode(password))
                .initializers(context -> context.getBeanFactory().registerSingleton("clock",
                        TestClocks.afterSampleMonth()))
                .run()) {
            String base = "http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port");
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(browser, base + "/login"));
            assertThat(csrf.find()).isTrue();
            String form = "username=leak&password=" + password + "&_csrf=" + csrf.group(1);
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.body()).contains("/deviations").doesNotContain("name=\"password\"");
            pages.add(signedIn.body());
            for (String path : List.of("/deviations?month=2026-10", "/deviations?month=2026-10&severity=HIGH",
                    "/deviations?month=2026-10&severity=MEDIUM", "/deviations?month=2026-10&severity=LOW", "/reports",
                    "/audit", "/jobs")) {
                pages.add(get(browser, base + path));
            }
            assertThat(pages.get(1)).contains("95100000003"); // the deviations page lists the month's meetings
            Matcher job = Pattern.compile("href=\"/jobs/([0-9]+)\"").matcher(pages.get(pages.size() - 1));
            int jobs = 0;
            while (job.find()) {
                pages.add(get(browser, base + "/jobs/" + job.group(1)));
                jobs++;
            }
            assertThat(jobs).isPositive();
        }
        return pages;
    }

    private static String get(HttpClient browser, String url) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(url).isEqualTo(200);
        return page.body();
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

    /** Regular files under a folder modified since a moment (small ones: what a run writes, not binaries). */
    private static List<Path> filesUnder(Path folder, Instant since) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).filter(Files::isReadable).forEach(file -> {
                try {
                    if (!Files.getLastModifiedTime(file).toInstant().isBefore(since) && Files.size(file) < 20_000_000) {
                        files.add(file);
                    }
                } catch (IOException vanished) {
                    // a file removed while walking was not left behind
                }
            });
        } catch (java.io.UncheckedIOException unreadable) {
            // folders of other users in a shared temporary folder
        }
        return files;
    }
}
