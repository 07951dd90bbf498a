package org.zoomcompliance.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;
import org.zoomcompliance.support.PipelineIntegrationTest;
import org.zoomcompliance.support.StandInJobs;

/**
 * A job failing with an exception that quotes an address and an e-mail (as a path or a parser's message may):
 * Spring Batch's stored trace and the log line are redacted by the sanitiser, whatever job or library it is.
 */
@Import(StandInJobs.class)
class FailureTracesTest extends PipelineIntegrationTest {

    @Autowired
    JobControl jobControl;

    @Test
    void aFailureQuotingAnAddressIsStoredRedacted() {
        // given a step whose exception message holds an IPv4 followed by a full stop, an IPv6 and an e-mail
        String key = "trace /inbox/participants_10.9.8.7.csv [2001:db8::17]:443 olga.trace@example.org";

        // when it fails
        JobExecution failed = jobControl.run(new JobRequest(StandInJobs.FLAKY,
                new JobParametersBuilder().addString("key", key).toJobParameters()), "test");

        // then the stored exit messages name the failure without the address or the e-mail
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        List<String> stored = jdbc.queryForList("select exit_message from batch_step_execution where job_execution_id = ?"
                + " union all select exit_message from batch_job_execution where job_execution_id = ?", String.class,
                failed.getId(), failed.getId());
        assertThat(stored).anySatisfy(message -> assertThat(message)
                .contains("stand-in failure for trace /inbox/participants_[address].csv [[address]]:443 [e-mail]")
                .contains("\n\tat "));
        assertThat(String.join("\n", stored)).doesNotContain("10.9.8.7", "2001:db8", "olga.trace");
    }

    @Test
    void theLogFormatRedactsMessagesAndStackTraces() throws Exception {
        // given the application's logback configuration, as Spring Boot loads it
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-spring.xml"));
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) context.getLogger("ROOT")
                .getAppender("CONSOLE");
        Layout<ILoggingEvent> layout = ((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout();

        // when a library logs a failure quoting an address, an e-mail and a forged line
        Logger logger = context.getLogger("org.example.Library");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR,
                "cannot open {}", new IOException("/inbox/participants_10.9.8.7.csv: olga.trace@example.org",
                        new IllegalStateException("from fe80::1%eth0")),
                new Object[] {"/inbox/x_192.168.1.20.csv\nforged ERROR line"});
        String line = layout.doLayout(event);

        // then the line says what failed, without the address, the e-mail or the forged line
        assertThat(line).contains("cannot open /inbox/x_[address].csv\\nforged ERROR line",
                "java.io.IOException: /inbox/participants_[address].csv: [e-mail]", "Caused by: ", "\tat ")
                .doesNotContain("10.9.8.7", "192.168.1.20", "fe80::1", "olga.trace", "\nforged");
        context.stop();
    }
}
