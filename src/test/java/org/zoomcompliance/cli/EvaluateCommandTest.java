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
    void evaluatesAnEmptyMonthAndSaysWhichRulesCouldNotBeEvaluated() {
        // given a fresh home with nothing ingested
        StringWriter out = new StringWriter();
        CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));

        // when
        int exit = commandLine.execute("--home", TestHomes.newHome().toString(), "evaluate", "--month", "2026-10");

        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Evaluated 2026-10: 0 deviation(s)", "Rules not evaluated:",
                "RECORDING_CLOUD", "not evaluated: no recordings export dated within the month was ingested");
    }
}
