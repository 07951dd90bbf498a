package org.zoomcompliance.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.cli.ZoomComplianceCommand;
import org.zoomcompliance.infrastructure.EmbeddedPostgresServer;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.support.TestClocks;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;

/**
 * The sibling of {@code AddressLeakTest} for data-subject requests: the e-mail, the name and the address given to
 * {@code subject access}, {@code restrict}, {@code lift} and {@code erase} on the command line are found, once the
 * person is erased, in no table (the deny list holds keyed hashes only), no log, no output of any command, no
 * workbook and no receipt: only in the access workbooks, which are the answer.
 */
@ExtendWith(OutputCaptureExtension.class)
class SubjectLeakTest {

    private static final String EMAIL = "marie.quintal@exemple.fr";
    private static final String NAME = "QUINTAL, marie";
    private static final String ADDRESS = "198.18.61.21";
    /** What the identifiers are, however written. */
    private static final List<String> TRACES = List.of("quintal", ADDRESS);

    @Test
    void theIdentifiersGivenAreFoundNowhereButInTheAnswer(CapturedOutput output) throws Exception {
        // given a month's exports ingested, evaluated and reported by the command line
        Path home = TestHomes.newHome();
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        for (String fixture : List.of("participants_97100000001.csv", "participants_97100000002.csv",
                "participants_97100000003.csv", "dashboard_participants_97100000001.csv",
                "dashboard_participants_97100000002.csv", "signinout_20260901_20260930.csv")) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/subject/" + fixture)) {
                Files.copy(in, inbox.resolve(fixture));
            }
        }
        String h = home.toString();
        assertThat(run("--home", h, "ingest")).isZero();
        assertThat(run("--home", h, "evaluate", "--month", "2026-09")).isZero();
        assertThat(run("--home", h, "report", "--month", "2026-09")).isZero();

        // when the person's requests are answered: access three ways, restrict, lift, erase
        Path answer = home.resolve("answer-by-address.xlsx");
        assertThat(run("--home", h, "subject", "access", "--ip", ADDRESS, "--out", answer.toString())).isZero();
        StringWriter byEmail = new StringWriter();
        assertThat(run(byEmail, "--home", h, "subject", "access", "--email", EMAIL)).isZero();
        assertThat(byEmail.toString()).contains("subject-requests/access-", "sign-ins 2");
        assertThat(run("--home", h, "subject", "access", "--name", NAME)).isZero();
        StringWriter restricted = new StringWriter();
        assertThat(run(restricted, "--home", h, "subject", "restrict", "--email", EMAIL)).isZero();
        assertThat(restricted.toString()).contains("2026-09 evaluated again, workbook version 2");
        assertThat(run("--home", h, "subject", "lift", "--email", EMAIL)).isZero();
        assertThat(run("--home", h, "subject", "erase", "--name", NAME)).isEqualTo(2);
        StringWriter erased = new StringWriter();
        assertThat(run(erased, "--home", h, "subject", "erase", "--name", NAME, "--yes")).isZero();
        assertThat(erased.toString()).contains("erasure 1: removed participant_join 2", "2026-09 (version 4");
        assertThat(run("--home", h, "subject", "access", "--email", EMAIL, "--out",
                home.resolve("after.xlsx").toString())).isZero();

        // then the answers hold her data
        assertThat(SubjectRequestsFunctionalTests.text(answer)).contains("97100000002");
        // and no table holds any identifier given, the audit trail included
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.open(HomeFolder.resolve(h))) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action like 'SUBJECT_%'",
                    Integer.class)).isEqualTo(7);
            for (String table : jdbc.queryForList("select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE'", String.class)) {
                for (String row : jdbc.queryForList("select t::text from \"" + table + "\" t", String.class)) {
                    assertNoTrace(row, "table " + table);
                    assertThat(row.toLowerCase()).as("table %s", table).doesNotContain(EMAIL);
                }
            }
        }
        // nor a log, the console, a workbook of the DPO, nor an erasure receipt
        try (Stream<Path> logs = Files.list(home.resolve("logs"))) {
            for (Path log : logs.toList()) {
                assertNoTrace(Files.readString(log, StandardCharsets.UTF_8), log.toString());
            }
        }
        assertNoTrace(output.getAll(), "the console output");
        try (Stream<Path> files = Files.walk(home.resolve("reports"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".xlsx")).toList()) {
                assertNoTrace(SubjectRequestsFunctionalTests.text(file), file.toString());
            }
        }
        Path receipt = home.resolve("subject-requests/erasure-1.txt");
        assertThat(receipt).exists();
        assertNoTrace(Files.readString(receipt), receipt.toString());
    }

    private static void assertNoTrace(String text, String where) {
        for (String trace : TRACES) {
            assertThat(text.toLowerCase()).as("%s holds %s", where, trace).doesNotContain(trace);
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
        assertNoTrace(out.toString().replace(ADDRESS + " --out", "").replace("QUINTAL, marie", "")
                .replace("--email " + EMAIL, ""), "the output of a command");
        return exit;
    }
}
