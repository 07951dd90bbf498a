package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.cli.ZoomComplianceCommand;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.support.ChildJvm;
import picocli.CommandLine;

/** Several processes on one home: they share its embedded server instead of refusing each other. */
class SharedHomeTest {

    @Test
    void jobsListSucceedsWhileAnotherProcessHoldsTheEmbeddedDatabase() throws Exception {
        // given another process running the application on the home, as serve does
        HomeFolder home = TestServers.newHome();
        try (ChildJvm serve = EmbeddedPostgresChild.start("app", home)) {
            serve.awaitLine("READY");

            // when the operator lists the jobs from the command line
            StringWriter out = new StringWriter();
            CommandLine command = ZoomComplianceCommand.commandLine();
            command.setOut(new PrintWriter(out, true));
            command.setErr(new PrintWriter(out, true));
            int exit = command.execute("--home", home.root().toString(), "jobs", "list");

            // then it succeeds on the running server, and leaves it running for the other process
            assertThat(exit).as(out.toString()).isZero();
            assertThat(home.postgres().resolve("postmaster.pid")).exists();
            assertThat(serve.finish()).as(serve.output()).isZero();
        }
        assertThat(home.postgres().resolve("postmaster.pid")).as("the last process stopped the server").doesNotExist();
    }

    @Test
    void twoProcessesStartingTogetherOnAFreshHomeBothSucceed() throws Exception {
        // given a fresh home, when two processes start the application on it at the same moment
        HomeFolder home = TestServers.newHome();
        try (ChildJvm first = EmbeddedPostgresChild.start("app-once", home); ChildJvm second = EmbeddedPostgresChild.start("app-once", home)) {
            // then one waits for the other to create the cluster, and both run on it with the full schema
            String firstReady = first.awaitLine("READY");
            String secondReady = second.awaitLine("READY");
            assertThat(firstReady).isEqualTo(secondReady).isNotEqualTo("READY 0");
            assertThat(first.awaitExit()).as(first.output()).isZero();
            assertThat(second.awaitExit()).as(second.output()).isZero();
        }
        assertThat(home.postgres().resolve("postmaster.pid")).as("the last process stopped the server").doesNotExist();
    }
}
