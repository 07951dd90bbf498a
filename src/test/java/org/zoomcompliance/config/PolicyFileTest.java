package org.zoomcompliance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyFileTest {

    @TempDir
    Path folder;

    /** The defaults docs/policy.md ("Keys") lists. */
    @Test
    void defaultsAreThoseOfDocsPolicy() {
        // when
        Policy policy = PolicyFile.defaults();

        // then
        assertThat(policy.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(policy.institution().language()).isEqualTo(Language.EN);
        assertThat(policy.clients().minimumVersion()).isEqualTo("5.17.0");
        assertThat(policy.identity().anchoredPrefixes()).containsExactly("^\\d+_");
        assertThat(policy.profiles().get(Profile.STUDENT).mayRecord()).isFalse();
        assertThat(policy.profiles().get(Profile.MEETING).recordingRetentionDays()).isEqualTo(30);
        assertThat(policy.profiles().get(Profile.TEACHING).recordingRetentionDays()).isEqualTo(365);
        assertThat(policy.profiles().get(Profile.RECRUITMENT).recordingRetentionDays()).isEqualTo(90);
        assertThat(policy.pmi().minDays()).isEqualTo(3);
        assertThat(policy.reuse().minSessions()).isEqualTo(4);
        assertThat(policy.intrusion()).isEqualTo(new Policy.Intrusion(8, 5, 0.75));
        assertThat(policy.sensitiveTopics().terms()).contains("confidentiel", "secret", "délibération", "jury");
        assertThat(policy.retention()).isEqualTo(new Policy.Retention(180, 365, 365, 180, 7, 1095, 1825, 365));
        assertThat(policy.rules()).hasSize(15);
        assertThat(policy.rule("TRANSFER_OUTSIDE_EU")).isEqualTo(new Policy.RuleSettings(true, Severity.HIGH));
        assertThat(policy.rule("PARTICIPANT_UNIDENTIFIED").severity()).isEqualTo(Severity.LOW);
        assertThat(policy.recording().allowCoHost()).isFalse();
        assertThat(policy.participants().pseudonymiseEmails()).isTrue();
    }

    @Test
    void theSamplePolicyOverridesTheDefaults() {
        // when
        Policy policy = PolicyFile.load(Path.of("sample-data", "policy.yml"));

        // then
        assertThat(policy.institution().name()).isEqualTo("Institut Exemple");
        assertThat(policy.institution().emailDomains()).containsExactly("exemple.fr", "etu.exemple.fr");
        assertThat(policy.profiles().get(Profile.MEETING).groups()).contains("Réunion");
        // a key the file leaves out keeps its default
        assertThat(policy.profiles().get(Profile.STUDENT).recordingRetentionDays()).isZero();
        assertThat(policy.retention().processedFileDays()).isEqualTo(7);
    }

    @Test
    void overridesReachNestedKeysAndRules() throws IOException {
        // given
        Path file = write("""
                intrusion: { min-joins: 12 }
                recording: { allow-co-host: true }
                rules:
                  SENSITIVE_TOPIC: { enabled: false }
                  ACCOUNT_INACTIVE: { severity: medium }
                sensitive-topics:
                  terms: [huis clos]
                clients: { minimum-version: zoom-enforced }
                identity: { accepted-prefixes: ['[A-Z]{2}\\d{6}-', '^\\d+_'] }
                institution: { language: fr }
                """);

        // when
        Policy policy = PolicyFile.load(file);

        // then
        assertThat(policy.intrusion()).isEqualTo(new Policy.Intrusion(12, 5, 0.75));
        assertThat(policy.recording().allowCoHost()).isTrue();
        assertThat(policy.rule("SENSITIVE_TOPIC")).isEqualTo(new Policy.RuleSettings(false, Severity.MEDIUM));
        assertThat(policy.rule("ACCOUNT_INACTIVE").severity()).isEqualTo(Severity.MEDIUM);
        assertThat(policy.sensitiveTopics().terms()).containsExactly("huis clos");
        assertThat(policy.clients().minimumVersion()).isEqualTo("zoom-enforced");
        assertThat(policy.identity().anchoredPrefixes()).containsExactly("^(?:[A-Z]{2}\\d{6}-)", "^\\d+_");
        assertThat(policy.institution().language()).isEqualTo(Language.FR);
    }

    @Test
    void rulesKeepTheCataloguesOrderAndTheirCodes() throws IOException {
        // given a file that names two rules in another order
        Path file = write("rules: { ACCOUNT_INACTIVE: { severity: HIGH }, RECORDING_CLOUD: { enabled: false } }");

        // when
        Policy policy = PolicyFile.load(file);

        // then the rules are in default-policy.yml's order, first and last as written there
        assertThat(policy.rules().keySet()).hasSize(15).startsWith("RECORDING_CLOUD", "RECORDING_BY_NON_HOST")
                .endsWith("ACCOUNT_MULTIPLE_PROFILES", "ACCOUNT_INACTIVE");
        assertThat(policy.rule("ACCOUNT_INACTIVE")).isEqualTo(new Policy.RuleSettings(true, Severity.HIGH));
        assertThat(policy.rule("RECORDING_CLOUD")).isEqualTo(new Policy.RuleSettings(false, Severity.HIGH));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown top-level key      | colour: blue                                     | unknown key 'colour'
            misspelt nested key        | clients: { minimum-versoin: 5.17.0 }             | unknown key 'clients.minimum-versoin'
            unknown profile            | profiles: { TEACHER: { groups: [Prof] } }        | unknown profile 'TEACHER'
            unknown rule code          | rules: { RECORDING_LOCAL: { enabled: true } }    | unknown rule code 'RECORDING_LOCAL'
            bad version                | clients: { minimum-version: latest }             | 'clients.minimum-version' 'latest' is not a version
            unknown language           | institution: { language: de }                    | 'institution.language' 'de' is not en or fr
            bad time zone              | institution: { timezone: Europe/Lutece }         | 'institution.timezone' 'Europe/Lutece' is not a time zone
            negative retention         | retention: { sign-in-days: -5 }                  | 'retention.sign-in-days' -5 is out of range
            text for a number          | pmi: { min-days: three }                         | 'pmi.min-days' 'three' is not a whole number
            text for a boolean         | recording: { allow-co-host: maybe }              | 'recording.allow-co-host' 'maybe' is not true or false
            share above one            | intrusion: { min-unidentified-share: 1.5 }       | 'intrusion.min-unidentified-share' 1.5 is not a number between 0 and 1
            bad severity               | rules: { SENSITIVE_TOPIC: { severity: urgent } } | 'rules.SENSITIVE_TOPIC.severity' 'urgent' is not HIGH, MEDIUM or LOW
            bad domain                 | institution: { email-domains: [not a domain] }   | 'institution.email-domains' 'not a domain' is not a domain name
            bad country                | transfers: { adequate-countries: [Suisse] }      | 'transfers.adequate-countries' 'Suisse' is not a two-letter country code
            scalar for a list          | sensitive-topics: { terms: secret }              | 'sensitive-topics.terms' must be a list
            value for a section        | clients: 5.17.0                                  | 'clients' must be a mapping
            bad cron                   | schedule: { nightly: every night }               | 'schedule.nightly' 'every night' is not a cron expression
            group in two profiles      | profiles: { MEETING: { groups: [Enseignement] } } | group 'Enseignement' is already mapped
            not a mapping              | [a, b]                                           | must be a YAML mapping
            prefix not a regex         | identity: { accepted-prefixes: ['(\\d+_'] }        | 'identity.accepted-prefixes' '(\\d+_' is not a regular expression
            prefix the database lacks  | identity: { accepted-prefixes: ['\\p{N}+_'] }      | which the database's regular expressions do not have
            days of a profile          | profiles: { MEETING: { recording-retention-days: -1 } } | 'profiles.MEETING.recording-retention-days' -1 is out of range (0 to 36500)
            a rule's switch            | rules: { SENSITIVE_TOPIC: { enabled: sometimes } } | 'rules.SENSITIVE_TOPIC.enabled' 'sometimes' is not true or false
            a fraction of a day        | pmi: { min-days: 3.5 }                           | 'pmi.min-days' '3.5' is not a whole number
            nested list item           | sensitive-topics: { terms: [[secret]] }          | 'sensitive-topics.terms' has an empty or nested item
            no term at all             | sensitive-topics: { terms: [] }                  | 'sensitive-topics.terms' must list at least one term
            empty institution name     | institution: { name: '' }                        | 'institution.name' '' must not be blank
            """)
    void aBadValueStopsTheRunWithAMessageNamingIt(String problem, String yaml, String message) throws IOException {
        // given
        Path file = write(yaml);

        // when / then
        assertThatThrownBy(() -> PolicyFile.load(file))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(message);
    }

    @Test
    void duplicateKeysAreRefused() throws IOException {
        Path file = write("pmi: { min-days: 3 }\npmi: { min-days: 4 }\n");

        assertThatThrownBy(() -> PolicyFile.load(file)).isInstanceOf(PolicyException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path file = folder.resolve("latin1.yml");
        Files.write(file, "institution: { name: Universit\u00e9 }\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> PolicyFile.load(file)).isInstanceOf(PolicyException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = folder.resolve("nowhere.yml");

        assertThatThrownBy(() -> PolicyFile.load(missing)).isInstanceOf(PolicyException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void anEmptyFileMeansTheDefaults() throws IOException {
        assertThat(PolicyFile.load(write(""))).isEqualTo(PolicyFile.defaults());
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(folder, "policy", ".yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
