package org.zoomcompliance.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.Sentence;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.ingest.normalise.Sanitiser;
import org.zoomcompliance.pseudonymisation.PseudonymKey;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/** A reason is a key and arguments that say one sentence per language; its strings are sanitised at the door. */
class ReasonSentenceTest {

    private static final EvidenceText FRENCH = new EvidenceText(Messages.of(Messages.FRENCH));

    @Test
    void aReasonWithinAReasonIsStoredAsAPartAndSaidInEachLanguage() {
        // given a date that cannot be read, and a meeting line whose reason has no key
        Sentence date = Sentence.of("ingest.reason.unparseable-date", "join_time",
                Sentence.of("ingest.reason.impossible-date", "slashed"));
        Sentence meeting = Sentence.of("ingest.reason.no-meeting-id-meeting-unread",
                Sentence.text("something else"));

        // then
        assertThat(date.arguments()).isEqualTo(
                "[\"join_time\",{\"key\":\"ingest.reason.impossible-date\",\"args\":[\"slashed\"]}]");
        assertThat(date.english()).isEqualTo("unparseable date in join_time: impossible date or time (shape slashed)");
        assertThat(date.in(FRENCH)).isEqualTo("date illisible dans join_time : date ou heure impossible (forme slashed)");
        assertThat(meeting.arguments()).isEqualTo("[{\"key\":\"evidence.legacy\",\"args\":[\"something else\"]}]");
        assertThat(meeting.in(FRENCH)).isEqualTo("pas d’ID de réunion : la ligne de réunion au-dessus est illisible"
                + " (something else) et le nom du fichier n’en donne pas");
        assertThat(Sentence.text("as recorded").in(FRENCH)).isEqualTo("as recorded");
    }

    @Test
    void noClearAddressOrEmailReachesTheStoredArguments() {
        // given the database's words quoting a hostile value, as a reason and inside another, and a keyless one
        Sanitiser sanitiser = new Sanitiser(new Pseudonymiser(key()));
        String hostile = "value \"203.0.113.66 ana@exemple.fr\" refused";
        Sentence refused = Sentence.of("ingest.reason.database-refused", hostile);
        Sentence within = Sentence.of("ingest.reason.pull-again", refused);
        Sentence keyless = Sentence.text(hostile);

        // when they are sanitised, as ingest does before it stores them
        for (Sentence reason : new Sentence[] {refused, within, keyless}) {
            Sentence stored = reason.sanitised(sanitiser::sanitise);

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
