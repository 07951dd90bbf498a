package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.support.EvaluatedMonths;
import org.zoomcompliance.support.PipelineIntegrationTest;
import picocli.CommandLine;

class ReportCommandTest extends PipelineIntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void printsTheWorkbookItsVersionDigestAndTheDeviationsPerRule() {
        // given a past month with two deviations of one rule (a month to report must be held and not in the future)
        LocalDate month = LocalDate.of(2024, 7, 1);
        for (String subject : new String[] {"cli-1", "cli-2"}) {
            jdbc.update("insert into deviation (month, rule_code, subject, severity, status, evidence)"
                    + " values (?, 'MEETING_ON_PMI', ?, 'MEDIUM', 'NEW', 'PMI used')", month, subject);
        }
        EvaluatedMonths.mark(jdbc, YearMonth.of(2024, 7));
        ReportCommand command = new ReportCommand();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out));
        cli.parseArgs("--month", "2024-07");

        // when the command runs in the application
        int code = command.run(context);

        // then it succeeds and says where the workbook is, its version, its SHA-256 and the counts per rule
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("zoom-compliance-2024-07.xlsx", "Version:  1")
                .containsPattern("SHA-256:  [0-9a-f]{64}")
                .containsPattern("MEETING_ON_PMI +2");
    }
}
