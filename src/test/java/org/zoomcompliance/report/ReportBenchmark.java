package org.zoomcompliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * Measures the report job on 100,000 deviations and prints the figure; it asserts behaviour, never time. Run by
 * hand: {@code mvn -B -q test -Dtest=ReportBenchmark -Dbenchmark=true -DargLine=-Xmx256m}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReportBenchmark extends PipelineIntegrationTest {

    private static final YearMonth MONTH = YearMonth.of(2035, 1);
    private static final int DEVIATIONS = 100_000;

    @Autowired
    MonthlyReport monthlyReport;

    @Test
    void buildsTheWorkbookOfAHundredThousandDeviations() {
        // given 100,000 deviations of one month, spread over the rules
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, occurred_at, meeting_id,"
                + " topic, host_email, profile, evidence)"
                + " select ?, (array['SENSITIVE_TOPIC','CLIENT_OUTDATED','PARTICIPANT_UNIDENTIFIED',"
                + "   'TRANSFER_OUTSIDE_EU','MEETING_ON_PMI'])[1 + i % 5], 'bench-' || i, 'MEDIUM', 'NEW',"
                + "   timestamptz '2035-01-01 08:00+01' + (i % 44640) * interval '1 minute',"
                + "   (90000000000 + i)::text, 'Cours de mécanique des fluides, groupe ' || i % 40,"
                + "   'host' || i % 300 || '@exemple.fr', 'TEACHING',"
                + "   '12 participants without a first and last name; client 5.16.2 below 5.17.0 (' || i || ')'"
                + " from generate_series(1, ?) as i", MONTH.atDay(1), DEVIATIONS);

        // when the workbook is built
        long started = System.nanoTime();
        JobExecution execution = monthlyReport.build(MONTH, null);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        // then it completed with every row; the time and memory are printed for the record
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        ReportEntry entry = monthlyReport.producedBy(execution).orElseThrow();
        System.out.printf("report benchmark: %,d deviations -> %s (%,d bytes) in %.1f s, max heap %d MB%n",
                DEVIATIONS, entry.path().getFileName(), entry.sizeBytes(), elapsed.toMillis() / 1000.0,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    @AfterEach
    void removeTheRows() {
        jdbc.update("delete from deviation where month = ?", MONTH.atDay(1));
    }
}
