package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;
import org.zoomcompliance.support.PipelineIntegrationTest;
import org.zoomcompliance.support.TestHomes;

/** Pseudonymise at the door and minimise at ingest; no key, no row. */
class IngestPrivacyTest extends PipelineIntegrationTest {

    @Autowired
    Ingestion ingestion;

    @Autowired
    PseudonymKeyStore keyStore;

    @Test
    void storesPseudonymsAndTheCountryOnlyAndDropsDeviceIdentifiers() throws IOException {
        // given
        Path file = Files.writeString(TestHomes.newHome().resolve("dashboard_participants_91000000050.csv"), """
                Participant,Email,Device,IP Address,Location,Network Type,Data Center,Connection Type,Join Time,Leave Time,Recording,Version,Role,PC Name,Domain,Mac Address,Harddisk ID,Leave Reason
                Wanda Host,wanda.host@fixture.example,Windows,::ffff:203.0.113.150,Grenoble (FR),Wired,Germany (FR),UDP,03/05/2024 02:00:03 PM,03/05/2024 03:00:00 PM,Yes,6.0.2.33403,Host,PC-WANDA-7731,FIXTUREDOM,0A-1B-2C-3D-4E-5F,WD-WX99Z7777777,The host ended the meeting.
                +33 6 99 88 77 66,,Phone,[2001:db8:150::1%eth0],Bordeaux (FR),PSTN,,,03/05/2024 02:05:00 PM,03/05/2024 02:30:00 PM,No,,Attendee,,,,,
                """, StandardCharsets.UTF_8);
        Pseudonymiser pseudonymiser = new Pseudonymiser(keyStore.current());

        // when
        FileOutcome outcome = ingestion.ingest(List.of(file)).files().get(0);

        // then
        assertThat(outcome.status()).isEqualTo(Status.COMPLETED);
        List<String> stored = jdbc.queryForList(
                "select row_to_json(d)::text from dashboard_participant d where meeting_id = '91000000050' order by line_number",
                String.class);
        assertThat(String.join("\n", stored)).doesNotContain("203.0.113.150", "2001:db8:150::1", "PC-WANDA-7731",
                "FIXTUREDOM", "0A-1B-2C-3D-4E-5F", "WD-WX99Z7777777", "Grenoble", "Bordeaux",
                "wanda.host@fixture.example", "99 88 77 66");
        assertThat(jdbc.queryForList("select ip_pseudonym from dashboard_participant where meeting_id = '91000000050'"
                + " order by line_number", String.class)).containsExactly(
                pseudonymiser.address("203.0.113.150").address(), pseudonymiser.address("2001:db8:150::1").address());
        assertThat(jdbc.queryForList("select location_country from dashboard_participant where meeting_id = '91000000050'",
                String.class)).containsOnly("FR");
        assertThat(jdbc.queryForObject("select email_pseudonym from dashboard_participant where meeting_id = '91000000050'"
                + " and role = 'HOST'", String.class)).isEqualTo(pseudonymiser.email("Wanda.Host@fixture.example"));
        assertThat(jdbc.queryForObject("select name from dashboard_participant where meeting_id = '91000000050'"
                + " and line_number = 3", String.class)).isEqualTo(pseudonymiser.phoneNumber("+33699887766"));
        String batchContexts = jdbc.queryForObject("""
                select coalesce(string_agg(short_context || coalesce(serialized_context, ''), ''), '') from (
                    select short_context, serialized_context from batch_job_execution_context
                    union all select short_context, serialized_context from batch_step_execution_context) c""",
                String.class);
        assertThat(batchContexts).doesNotContain("203.0.113.150").doesNotContain("2001:db8:150::1");
    }

    @Test
    void writesNoRowWhenTheKeyCannotBeRead() throws IOException {
        // given a key file that others may read, which the key store refuses
        Path key = home.keys().resolve("key-v" + keyStore.current().version());
        Path file = Files.writeString(TestHomes.newHome().resolve("signinout_nokey.csv"), """
                Time,User,Type,IP Address,Client Type,Version
                03/06/2024 08:02:11 AM,nokey@fixture.example,Sign in,192.0.2.160,Windows,5.17.11
                """, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        FileOutcome refused;
        try {
            // when
            refused = ingestion.ingest(List.of(file)).files().get(0);
        } finally {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        }

        // then
        assertThat(refused.status()).isEqualTo(Status.FAILED);
        assertThat(refused.reasonText()).contains("refusing it");
        assertThat(jdbc.queryForObject("select count(*) from source_file where sha256 = ?", Integer.class,
                refused.sha256())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sign_in where email = 'nokey@fixture.example'",
                Integer.class)).isZero();
        FileOutcome resumed = ingestion.ingest(List.of(file)).files().get(0);
        assertThat(resumed.status()).isEqualTo(Status.COMPLETED);
        assertThat(resumed.rowsIngested()).isEqualTo(1);
    }
}
