package org.zoomcompliance.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.ingest.normalise.Sanitiser;
import org.zoomcompliance.pseudonymisation.PseudonymKey;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/** A reason is a key and arguments that say one sentence per language; its strings are sanitised at the door. */
class RejectionReasonTest {

    private static final EvidenceText FRENCH = new EvidenceText(Messages.of(Messages.FRENCH));

    @Test
    void aReasonWithinAReasonIsStoredAsAPartAndSaidInEachLanguage() {
        // given a date that cannot be read, and a meeting line whose reason has no key
        RejectionReason date = RejectionReason.of("ingest.reason.unparseable-date", "join_time",
                RejectionReason.of("ingest.reason.impossible-date", "slashed"));
        RejectionReason meeting = RejectionReason.of("ingest.reason.no-meeting-id-meeting-unread",
                RejectionReason.text("something else"));

        // then
        assertThat(date.arguments()).isEqualTo(
                "[\"join_time\",{\"key\":\"ingest.reason.impossible-date\",\"args\":[\"slashed\"]}]");
        assertThat(date.english()).isEqualTo("unparseable date in join_time: impossible date or time (shape slashed)");
        assertThat(date.in(FRENCH)).isEqualTo("date illisible dans join_time : date ou heure impossible (forme slashed)");
        assertThat(meeting.arguments()).isEqualTo("[{\"key\":\"evidence.legacy\",\"args\":[\"something else\"]}]");
        assertThat(meeting.in(FRENCH)).isEqualTo("pas d’ID de réunion : la ligne de réunion au-dessus est illisible"
                + " (something else) et le nom du fichier n’en donne pas");
        assertThat(RejectionReason.text("as recorded").in(FRENCH)).isEqualTo("as recorded");
    }

    @Test
    void noClearAddressOrEmailReachesTheStoredArguments() {
        // given the database's words quoting a hostile value, as a reason and inside another, and a keyless one
        Sanitiser sanitiser = new Sanitiser(new Pseudonymiser(key()));
        String hostile = "value \"203.0.113.66 ana@exemple.fr\" refused";
        RejectionReason refused = RejectionReason.of("ingest.reason.database-refused", hostile);
        RejectionReason within = RejectionReason.of("ingest.reason.pull-again", refused);
        RejectionReason keyless = RejectionReason.text(hostile);

        // when they are sanitised, as ingest does before it stores them
        for (RejectionReason reason : new RejectionReason[] {refused, within, keyless}) {
            RejectionReason stored = reason.sanitised(sanitiser::sanitise);

            // then neither the arguments nor the English text hold the address or the e-mail in clear
            assertThat(String.valueOf(stored.arguments()) + stored.english())
                    .doesNotContain("203.0.113.66").doesNotContain("ana@exemple.fr").contains("email:");
            assertThat(stored.key()).isEqualTo(reason.key());
        }
    }

    private static PseudonymKey key() {
        byte[] secret = new byte[PseudonymKey.MINIMUM_BYTES];
        Arrays.fill(secret, (byte) 7);
        return new PseudonymKey(1, secret);
    }
}
