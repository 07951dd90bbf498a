package org.zoomcompliance.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.infrastructure.Sentence;

/**
 * A night's entries are said in the reader's language when they carry a key; an entry a night recorded before
 * reasons had keys stays as written, even when its file name looks like the start of a keyed entry.
 */
class NightlySummaryTest {

    @Test
    void aKeyedEntryIsSaidInFrenchAndAPlainOneStaysAsWritten() {
        // given a night that quarantined one file with a keyed reason, and two plain entries of an older night
        JobExecution night = new JobExecution(1L, new JobInstance(1L, "nightlyJob"), new JobParameters());
        night.getExecutionContext().putString(NightlyJobConfiguration.QUARANTINED, String.join("\n",
                NightlySummary.line("notes.csv", Sentence.of("ingest.reason.symbolic-link")),
                "old.csv: empty file: no header and no rows",
                "{\"file\": broken.csv: not valid text"));

        // when / then
        assertThat(NightlySummary.of(night, Messages.of(Messages.FRENCH))).containsExactly(
                "en quarantaine : 3 fichier(s), déplacé(s) dans quarantine/ avec un fichier de motif",
                "  notes.csv: un lien symbolique : les liens ne sont pas suivis, déposez le fichier lui-même",
                "  old.csv: empty file: no header and no rows",
                "  {\"file\": broken.csv: not valid text");
    }
}
