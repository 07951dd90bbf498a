package org.zoomcompliance.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.support.PipelineIntegrationTest;

class NightlyJobFunctionalTests extends PipelineIntegrationTest {

    private static final List<String> EXPORTS = List.of("participants_94758381041.csv",
            "dashboard_participants_94758381041.csv", "zoomus_recordings__20261031.csv");

    @Autowired
    NightlyRun nightly;

    @Test
    void theNightIngestsTheInboxEvaluatesTheMonthsItTouchedAndAppliesRetentionOnce() throws Exception {
        // given the day's exports in the inbox
        for (String export : EXPORTS) {
            Files.copy(Path.of("sample-data", export), home.inbox().resolve(export));
        }

        // when the night of 1 November runs
        JobExecution night = nightly.run(LocalDate.of(2026, 11, 1));

        // then every step completed: the inbox was ingested and emptied, October evaluated, retention applied
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(night.getStepExecutions()).extracting(StepExecution::getStepName)
                .containsExactly("nightlyPullStep", "nightlyIngestStep", "nightlyEvaluateStep", "nightlyRetentionStep");
        for (String export : EXPORTS) {
            assertThat(home.inbox().resolve(export)).doesNotExist();
            assertThat(home.processed().resolve(export)).exists();
        }
        assertThat(jdbc.queryForObject("select count(*) from rule_evaluation where month = '2026-10-01'", Integer.class))
                .isEqualTo(15);
        assertThat(jdbc.queryForList("select subject from deviation where month = '2026-10-01' and rule_code = 'RECORDING_BY_NON_HOST'",
                String.class)).singleElement().asString().startsWith("occurrence:94758381041@");
        assertThat(jdbc.queryForObject("select count(*) from retention_purge where job_execution_id is not null"
                + " and cut_off < '2026-11-01'", Integer.class)).isPositive();

        // and the same night is never run twice
        assertThatThrownBy(() -> nightly.run(LocalDate.of(2026, 11, 1)))
                .isInstanceOf(JobRefusedException.class)
                .hasMessageContaining("already completed");
    }

    @Test
    void aQuarantinedFileIsNamedInTheSummaryAndTheNightStillCompletesEveryStep() throws Exception {
        // given an inbox holding only a file that is no Zoom export
        Files.writeString(home.inbox().resolve("notes_nightly.csv"), "Note,Author\r\nbring coffee,ana\r\n");

        // when the night of 2 November runs
        JobExecution night = nightly.run(LocalDate.of(2026, 11, 2));

        // then it completed every step, and its summary names the file and why it was set aside
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(night.getStepExecutions()).extracting(StepExecution::getStepName, StepExecution::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nightlyPullStep", BatchStatus.COMPLETED),
                        org.assertj.core.groups.Tuple.tuple("nightlyIngestStep", BatchStatus.COMPLETED),
                        org.assertj.core.groups.Tuple.tuple("nightlyEvaluateStep", BatchStatus.COMPLETED),
                        org.assertj.core.groups.Tuple.tuple("nightlyRetentionStep", BatchStatus.COMPLETED));
        assertThat(NightlySummary.of(night)).containsExactly(
                "quarantined: 1 file(s), moved to quarantine/ with a reason file",
                "  notes_nightly.csv: unknown kind: the first line matches no known Zoom export header (2 columns)");
        // and a French institution reads it in French, reason included
        assertThat(NightlySummary.of(night, Messages.of(Messages.FRENCH))).element(1).isEqualTo("  notes_nightly.csv:"
                + " type inconnu : la première ligne ne correspond à aucun en-tête d’export Zoom connu (2 colonnes)");
        assertThat(home.quarantine().resolve("notes_nightly.csv")).exists();
    }
}
