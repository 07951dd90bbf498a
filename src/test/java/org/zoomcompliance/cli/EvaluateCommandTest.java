package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;
import org.zoomcompliance.support.TestClocks;

class EvaluateCommandTest {

    @Test
    void evaluatesAMonthAndSaysWhichRulesCouldNotBeEvaluated() {
        // given a fresh home holding only the sample month's sign-ins (read in place)
        StringWriter out = new StringWriter();
        String home = TestHomes.newHome().toString();
        assertThat(commandLine(new StringWriter()).execute("--home", home, "ingest",
                "sample-data/signinout_20261001_20261031.csv")).isEqualTo(ExitCodes.OK);

        // when
        int exit = commandLine(out).execute("--home", home, "evaluate", "--month", "2026-10");

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Evaluated 2026-10: ", "Rules not evaluated:",
                "RECORDING_CLOUD", "not evaluated: no recordings export dated within the month was ingested");
    }

    private static CommandLine commandLine(StringWriter out) {
        CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine;
    }
}
