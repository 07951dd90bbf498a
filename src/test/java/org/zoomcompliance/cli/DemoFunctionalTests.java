package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.infrastructure.EmbeddedPostgresServer;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.support.TestClocks;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;

/**
 * The whole chain through the real command-line entry point: {@code demo} on a fresh home ingests
 * {@code sample-data/}, evaluates October 2026 and writes its workbook; the register is the one the sample plants;
 * a second run reuses the same database and adds nothing.
 */
class DemoFunctionalTests {

    /** The night after the sample month: what a scheduler running the demo's month would see. */
    private static final Clock NOVEMBER_SECOND = TestClocks.afterSampleMonth();

    private static final Pattern ADDRESS = Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b|\\b[0-9a-f]{1,4}(:[0-9a-f]{0,4}){3,7}\\b");

    @Test
    void demoRunsTheChainOnTheSampleMonthAndAgainOnTheSameDatabase() throws Exception {
        // given a fresh home
        Path home = TestHomes.newHome();

        // when the demo runs
        StringWriter firstOut = new StringWriter();
        int first = run(firstOut, "--home", home.toString(), "demo");

        // then it completes, says where the workbook is and counts the deviations per rule
        assertThat(first).as(firstOut.toString()).isEqualTo(ExitCodes.OK);
        Path workbook = home.resolve("reports/2026-10/zoom-compliance-2026-10.xlsx");
        assertThat(firstOut.toString()).contains("19 files from", "17 ingested, 0 already ingested, 2 quarantined, 0 failed", "evaluated 2026-10",
                "workbook version 1: " + workbook, "MEETING_ON_PMI", "total                                   24");
        assertThat(workbook).isNotEmptyFile();
        assertThat(home.resolve("quarantine/notes_reunion_admin.csv.reason.txt")).exists();
        assertThat(home.resolve("quarantine/participants_84848484848.csv.reason.txt")).exists();
        // every file of the month, the quarantined ones too, is accounted for in the workbook's Data quality sheet
        try (Workbook book = WorkbookFactory.create(workbook.toFile(), null, true)) {
            Sheet quality = book.getSheet("Data quality");
            assertThat(quality.getLastRowNum()).isEqualTo(19);
            List<String> quarantined = new java.util.ArrayList<>();
            for (Row row : quality) {
                if ("QUARANTINED".equals(row.getCell(8) == null ? null : row.getCell(8).getStringCellValue())) {
                    quarantined.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(quarantined).containsExactlyInAnyOrder("notes_reunion_admin.csv", "participants_84848484848.csv");
        }

        long joins;
        List<String> register;
        try (EmbeddedPostgresServer postgres = reopen(home)) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
            register = register(jdbc);
            joins = jdbc.queryForObject("select count(*) from participant_join", Long.class);
            // and the register is exactly the one sample-data/ plants, every rule evaluated, evidence readable
            assertThat(register).hasSize(expectedRegister().size());
            List<String> expected = expectedRegister();
            for (int i = 0; i < expected.size(); i++) {
                String line = expected.get(i);
                if (line.contains("* ")) {
                    assertThat(register.get(i)).startsWith(line.substring(0, line.indexOf('*')))
                            .endsWith(line.substring(line.indexOf('*') + 1));
                } else {
                    assertThat(register.get(i)).isEqualTo(line);
                }
            }
            assertThat(jdbc.queryForObject("select count(*) from rule_evaluation where month = '2026-10-01' and evaluated",
                    Integer.class)).isEqualTo(15);
            assertThat(jdbc.queryForList("select evidence from deviation where month = '2026-10-01'", String.class))
                    .allSatisfy(evidence -> assertThat(evidence).isNotBlank().doesNotContainPattern(ADDRESS));
            // the broken file: its good rows in, its four bad rows quarantined with their line numbers
            assertThat(jdbc.queryForList("select q.line_number from quarantined_row q join source_file f on f.id = q.source_file_id"
                    + " where f.file_name = 'participants_83838383838.csv' order by 1", Long.class)).containsExactly(3L, 5L, 6L, 7L);
        }

        // when the demo runs again on the same home
        StringWriter secondOut = new StringWriter();
        int second = run(secondOut, "--home", home.toString(), "demo");

        // then the same database is reused: nothing ingested twice, the same register, a new workbook version
        assertThat(second).as(secondOut.toString()).isEqualTo(ExitCodes.OK);
        assertThat(secondOut.toString()).contains("0 ingested, 17 already ingested, 2 quarantined", "workbook version 2");
        try (EmbeddedPostgresServer postgres = reopen(home)) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
            assertThat(jdbc.queryForObject("select count(*) from participant_join", Long.class)).isEqualTo(joins);
            assertThat(register(jdbc)).isEqualTo(register);
            assertThat(jdbc.queryForObject("select count(*) from report where month = '2026-10-01'", Integer.class)).isEqualTo(2);
        }

        // when the month is evaluated again without --policy
        StringWriter evaluateOut = new StringWriter();
        int evaluated = run(evaluateOut, "--home", home.toString(), "evaluate", "--month", "2026-10");

        // then the home's policy (the sample one the demo installed) gives the demo's register again
        assertThat(evaluated).as(evaluateOut.toString()).isEqualTo(ExitCodes.OK);
        assertThat(home.resolve("policy.yml")).hasSameBinaryContentAs(Path.of("sample-data/policy.yml"));
        assertThat(evaluateOut.toString()).contains("Evaluated 2026-10: 24 deviation(s)").doesNotContain("policy");
        try (EmbeddedPostgresServer postgres = reopen(home)) {
            assertThat(register(new JdbcTemplate(postgres.dataSource()))).isEqualTo(register);
        }

        // when one run is given another policy
        Path other = home.resolve("other-policy.yml");
        Files.writeString(other, Files.readString(Path.of("sample-data/policy.yml"))
                .replace("name: Institut Exemple", "name: Autre Institut"));
        StringWriter otherOut = new StringWriter();
        int otherEvaluation = run(otherOut, "--home", home.toString(), "evaluate", "--month", "2026-10",
                "--policy", other.toString());
        int otherReport = run(otherOut, "--home", home.toString(), "report", "--month", "2026-10",
                "--policy", other.toString());

        // then it says so and what changed, and the workbook's register names the policy the month was evaluated under
        assertThat(otherEvaluation).as(otherOut.toString()).isEqualTo(ExitCodes.OK);
        assertThat(otherReport).as(otherOut.toString()).isEqualTo(ExitCodes.OK);
        assertThat(otherOut.toString()).contains(
                "policy: " + other + " (--policy, for this run), not " + home.resolve("policy.yml"),
                "The policy differs from the one 2026-10 was last evaluated under:",
                "  institution.name: Institut Exemple -> Autre Institut");
        String sha256;
        try (EmbeddedPostgresServer postgres = reopen(home)) {
            sha256 = new JdbcTemplate(postgres.dataSource()).queryForObject(
                    "select policy_sha256 from evaluation_policy where month = '2026-10-01'", String.class);
        }
        try (Workbook book = WorkbookFactory.create(workbook.toFile(), null, true)) {
            Row policyRow = null;
            for (Row row : book.getSheet("Register")) {
                if ("Policy".equals(row.getCell(1).getStringCellValue())) {
                    policyRow = row;
                }
            }
            assertThat(policyRow).isNotNull();
            assertThat(policyRow.getCell(2).getStringCellValue()).isEqualTo(sha256).hasSize(64);
            assertThat(policyRow.getCell(4).getStringCellValue()).endsWith(other + " (--policy, for this run)");
            String institution = null;
            for (Row row : book.getSheet("Summary")) {
                if (row.getCell(0) != null && "Institution".equals(row.getCell(0).getStringCellValue())) {
                    institution = row.getCell(1).getStringCellValue();
                }
            }
            assertThat(institution).isEqualTo("Autre Institut");
        }
    }

    private static int run(StringWriter out, String... args) {
        CommandLine commandLine = ZoomComplianceCommand.commandLine(NOVEMBER_SECOND);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return commandLine.execute(args);
    }

    private static EmbeddedPostgresServer reopen(Path home) throws IOException {
        return EmbeddedPostgresServer.open(HomeFolder.resolve(home.toString()));
    }

    private static List<String> register(JdbcTemplate jdbc) {
        return jdbc.queryForList("select rule_code || ' ' || subject || ' ' || status from deviation"
                + " where month = '2026-10-01' order by rule_code, subject", String.class);
    }

    private static List<String> expectedRegister() throws IOException {
        String text = new ClassPathResource("org/zoomcompliance/cli/sample-register-2026-10.txt")
                .getContentAsString(StandardCharsets.UTF_8);
        return text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
}
