package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;
import org.zoomcompliance.support.TestClocks;

class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void topLevelHelpListsEveryCommandOfTheProductContract() {
        // when
        int exit = run("--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("demo", "ingest", "pull", "evaluate", "retention", "report", "nightly",
                "serve", "jobs", "keys", "generate", "lookup", "subject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "ingest", "pull", "evaluate", "retention", "report", "nightly", "serve", "jobs", "jobs list",
        "jobs restart", "jobs stop", "jobs abandon", "keys", "keys status", "keys rotate", "generate", "lookup",
        "subject", "subject access", "subject erase", "subject restrict", "subject lift", "subject note", "subject hold"})
    void everyCommandHasHelp(String command) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--help");

        assertThat(run(args.toArray(String[]::new))).isZero();
        assertThat(out.toString()).startsWith("Usage: zoom-compliance " + command);
    }

    @Test
    void aBadMonthIsAUsageError() {
        assertThat(run("evaluate", "--month", "2026-13")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'2026-13' is not a month like 2026-10");
    }

    @Test
    void aBadPolicyStopsTheRunWithOneLineNamingTheKey() throws IOException {
        // given
        Path home = TestHomes.newHome();
        Path policy = Files.writeString(home.resolve("policy.yml"), "clients: { minimum-versoin: 5.17.0 }\n");

        // when
        int exit = run("--home", home.toString(), "--policy", policy.toString(), "evaluate", "--month", "2026-10");

        // then
        assertThat(exit).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("unknown key 'clients.minimum-versoin'");
    }

    @Test
    void globalOptionsAreAcceptedAfterTheCommandToo() throws IOException {
        Path home = TestHomes.newHome();
        Path policy = Files.writeString(home.resolve("policy.yml"), "pmi: { min-days: 0 }\n");

        assertThat(run("evaluate", "--month", "2026-10", "--home", home.toString(), "--policy", policy.toString()))
                .isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(err.toString()).contains("'pmi.min-days' 0 is out of range");
    }

    @Test
    void ingestOfAPathThatDoesNotExistIsAUsageErrorAnsweredBeforeTheDatabaseStarts() {
        // given a fresh home folder and a mistyped path
        Path home = TestHomes.newHome();

        // when
        int exit = run("--home", home.toString(), "ingest", home.resolve("no/such/path").toString());

        // then it exits 2 naming the path, and no database was created in the home
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("no such file or folder").contains("no/such/path");
        assertThat(home.resolve("postgres")).doesNotExist();
    }

    private int run(String... args) {
        CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
