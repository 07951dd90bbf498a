package org.zoomcompliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.support.TestHomes;
import org.zoomcompliance.support.WebIntegrationTest;

/**
 * The console says why a file was set aside in the page's language, from the key ingest recorded: the dashboard's
 * quarantined files, and a run's line on the job pages.
 */
class ConsoleSentencesTest extends WebIntegrationTest {

    private static final RequestPostProcessor AS_DPO = user(DPO).roles("DPO");

    @Autowired
    Ingestion ingestion;

    @Autowired
    ExitMessages exits;

    @Test
    void theDashboardSaysAQuarantinedFilesReasonInThePagesLanguage() throws Exception {
        // given a file of no known kind, ingested for real and set aside
        Path file = Files.writeString(TestHomes.newHome().resolve("notes_console_reasons.csv"),
                "Note,Author\r\nhello,someone\r\n", StandardCharsets.UTF_8);
        FileOutcome outcome = ingestion.ingest(List.of(file)).files().get(0);
        assertThat(outcome.status()).isEqualTo(Status.QUARANTINED);
        // the dashboard's week is the test clock's; the survey dates its end by the database's clock
        jdbc.update("update source_file set finished_at = ingested_at where sha256 = ?", outcome.sha256());

        // when the DPO opens the dashboard in French, then in English, then each says the reason in its language
        mvc.perform(get("/?lang=fr").with(AS_DPO))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("type inconnu : la première ligne ne correspond à aucun"
                        + " en-tête d’export Zoom connu (2 colonnes)")));
        mvc.perform(get("/?lang=en").with(AS_DPO))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("unknown kind: the first line matches no known Zoom"
                        + " export header (2 columns)")));
    }

    @Test
    void aRunsLineSaysTheReasonInTheRequestsLanguageAndAReasonWithoutKeyAsRecorded() {
        String key = "ingest.reason.nothing-ingested-rejected";
        String arguments = "[{\"join\": \"clause\", \"items\": [{\"key\": \"ingest.reason.counted\", \"args\":"
                + " [{\"key\": \"ingest.reason.no-meeting-id\", \"args\": []}, 2]}]}]";
        try {
            LocaleContextHolder.setLocale(Locale.FRENCH);
            assertThat(exits.quarantined(ConsoleSentences.said(key, arguments, "ignored when there is a key")))
                    .isEqualTo("en quarantaine : rien n’a pu être importé, toutes les lignes ont été rejetées :"
                            + " pas d’ID de réunion (2)");
            assertThat(ConsoleSentences.said(null, null, "from 192.0.2.44, as recorded"))
                    .isEqualTo("from [address], as recorded");
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(exits.quarantined(ConsoleSentences.said(key, arguments, null)))
                    .isEqualTo("quarantined: nothing could be ingested, every row was rejected: no meeting ID (2)");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
