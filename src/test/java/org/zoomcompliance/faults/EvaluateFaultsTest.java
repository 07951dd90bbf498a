package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.policy.PolicyEvaluation;
import org.zoomcompliance.support.ChildJvm;
import org.zoomcompliance.support.TestHomes;

/**
 * The evaluation of a month killed with SIGKILL while it writes its deviations, in a child JVM: the month keeps
 * its previous evaluation whole, the next start recovers the execution, and the re-run finds exactly what a clean
 * evaluation found (a completed month re-run replaces its deviations, never doubles them).
 */
@Tag("faults")
class EvaluateFaultsTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    @Test
    void aKill9WhileDeviationsAreWrittenKeepsThePreviousEvaluationAndTheRerunFindsTheSame() throws Exception {
        // given the sample month ingested and evaluated once: the reference
        Path home = TestHomes.newHome();
        Map<String, Long> reference;
        try (ConfigurableApplicationContext context = Applications.start(home)) {
            context.getBean(Ingestion.class).ingest(List.of(Path.of("sample-data")));
            assertThat(context.getBean(PolicyEvaluation.class).evaluate(MONTH, Set.of(), null).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            reference = deviationsPerRule(context.getBean(JdbcTemplate.class));
        }
        assertThat(reference).isNotEmpty();

        // when a re-evaluation is killed while it inserts the month's deviations
        try (ChildJvm child = FaultsChild.run(home, List.of(FaultsChild.BLOCK_PROPERTY + "=insert into deviation"),
                "evaluateJob", "month=" + MONTH)) {
            child.awaitLine("BLOCKED");
            child.kill();
        }

        // then the next start recovers it, the month still holds its previous evaluation, and the re-run finds
        // exactly the reference
        try (ConfigurableApplicationContext context = Applications.start(home)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select e.status from batch_job_execution e join batch_job_instance i"
                    + " using (job_instance_id) where i.job_name = 'evaluateJob' order by e.job_execution_id",
                    String.class)).containsExactly("COMPLETED", "FAILED");
            assertThat(deviationsPerRule(jdbc)).isEqualTo(reference);
            assertThat(context.getBean(PolicyEvaluation.class).evaluate(MONTH, Set.of(), null).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            assertThat(deviationsPerRule(jdbc)).isEqualTo(reference);
        }
    }

    private static Map<String, Long> deviationsPerRule(JdbcTemplate jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("select rule_code, count(*) from deviation where month = ? group by rule_code",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, MONTH.atDay(1));
        return counts;
    }
}
