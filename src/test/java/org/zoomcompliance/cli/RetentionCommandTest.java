package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.support.PipelineIntegrationTest;
import picocli.CommandLine;

/** {@code retention}: the one retention flow, and a date applied already said so with exit 0. */
class RetentionCommandTest extends PipelineIntegrationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JobRepository jobRepository;

    @Test
    void aDateAppliedAlreadyIsSaidSoAndExitsCleanly() {
        // given retention applied as of today (by this command, or by another test's night of the same date)
        assertThat(retention("--as-of", "2026-11-02").code()).isEqualTo(ExitCodes.OK);

        // when the same date is asked for again
        Run again = retention("--as-of", "2026-11-02");

        // then nothing runs again: it exits 0 naming the execution that applied it, which ran every step
        assertThat(again.code()).isEqualTo(ExitCodes.OK);
        Matcher applied = Pattern.compile("retention as of 2026-11-02 was already applied \\(execution (\\d+)\\):"
                + " nothing to do").matcher(again.out());
        assertThat(applied.find()).as(again.out()).isTrue();
        JobExecution execution = jobRepository.getJobExecution(Long.parseLong(applied.group(1)));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactly("retentionJudgeStep", "retentionPurgeStep", "retentionKeysStep");
        assertThat(again.out()).contains("participant_join");
    }

    private record Run(int code, String out) {
    }

    private Run retention(String... args) {
        RetentionCommand command = new RetentionCommand();
        StringWriter out = new StringWriter();
        new CommandLine(command).setOut(new PrintWriter(out)).parseArgs(args);
        int code = command.run(context);
        return new Run(code, out.toString());
    }
}
