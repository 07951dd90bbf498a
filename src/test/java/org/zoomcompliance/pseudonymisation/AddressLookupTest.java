package org.zoomcompliance.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.schema.StoredTable;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * The forward look-up against a real database, with a key store of its own (rotations here never disturb other
 * tests): meetings {@code 99120000xx} in March and April 2025.
 */
class AddressLookupTest extends PipelineIntegrationTest {

    private static final String KNOWN = "192.0.2.44";

    @Autowired
    Policy policy;

    @TempDir
    Path keys;

    private PseudonymKeyStore store;
    private AddressLookup lookup;
    private long sourceFile;

    @BeforeEach
    void fixture() {
        store = new PseudonymKeyStore(keys, Map.of());
        lookup = new AddressLookup(jdbc, store, policy);
        sourceFile = jdbc.queryForObject("insert into source_file (sha256, file_name, kind, status)"
                + " values (?, 'lookup-test.csv', 'DASHBOARD_PARTICIPANTS', 'COMPLETED') returning id", Long.class,
                (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""));
        meeting("9912000001", "2025-03-10T09:00:00Z", "Conseil de laboratoire", "alice.martin@exemple.fr");
        meeting("9912000002", "2025-04-14T13:00:00Z", "Soutenance", "bob.durand@exemple.fr");
        meeting("9912000003", "2025-04-15T08:00:00Z", "Cours", "carla.petit@exemple.fr");
    }

    @AfterEach
    void clean() {
        for (String table : List.of("dashboard_participant", "sign_in", "meeting")) {
            jdbc.update("delete from " + table + " where source_file_id = ?", sourceFile);
        }
        jdbc.update("delete from source_file where id = ?", sourceFile);
    }

    @Test
    void findsTheMeetingsAndSignInsOfAnAddressUnderEveryKeyVersion() {
        // given the known address seen under key version 1, then (after a rotation) under version 2 written as
        // IPv4-mapped IPv6, a neighbour in a third meeting, and a sign-in from the known address
        Pseudonymiser first = new Pseudonymiser(store.current());
        join("9912000001", "2025-03-10T09:00:00Z", "Ann Lee", first.address(KNOWN), 1);
        Pseudonymiser second = new Pseudonymiser(store.rotate());
        join("9912000002", "2025-04-14T13:00:00Z", "Ann Lee", second.address("::ffff:" + KNOWN), 1);
        join("9912000002", "2025-04-14T13:00:00Z", "Ann Lee", second.address(KNOWN), 2);
        join("9912000003", "2025-04-15T08:00:00Z", "Neighbour", second.address("192.0.2.45"), 1);
        signIn("2025-04-14T12:55:00Z", "ann.lee@exemple.fr", second.address(KNOWN));

        // when the address is looked up, written another way, without and with a month
        AddressLookup.Result all = lookup.find(" [::FFFF:192.0.2.44] ", null);
        AddressLookup.Result april = lookup.find(KNOWN, YearMonth.of(2025, 4));
        AddressLookup.Result march = lookup.find(KNOWN, YearMonth.of(2025, 3));

        // then old pseudonyms are still found under their version, the neighbour is not, and months filter
        assertThat(all.versionsSearched()).containsExactly(1, 2);
        assertThat(all.meetings()).extracting(AddressLookup.MeetingAppearance::meetingId,
                        AddressLookup.MeetingAppearance::joins, AddressLookup.MeetingAppearance::host,
                        AddressLookup.MeetingAppearance::topic)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("9912000001", 1, "alice.martin@exemple.fr",
                                "Conseil de laboratoire"),
                        org.assertj.core.groups.Tuple.tuple("9912000002", 2, "bob.durand@exemple.fr", "Soutenance"));
        assertThat(all.meetings().get(0).start().toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-03-10T09:00:00Z").toInstant());
        assertThat(all.signIns()).extracting(AddressLookup.SignInAppearance::email).containsExactly("ann.lee@exemple.fr");
        assertThat(april.meetings()).extracting(AddressLookup.MeetingAppearance::meetingId).containsExactly("9912000002");
        assertThat(april.signIns()).hasSize(1);
        assertThat(march.meetings()).extracting(AddressLookup.MeetingAppearance::meetingId).containsExactly("9912000001");
        assertThat(march.signIns()).isEmpty();
        assertThat(lookup.find("192.0.2.46", null).meetings()).isEmpty();
    }

    @Test
    void theStoredPseudonymCannotBeFoundByHashingTheAddressSpaceWithoutTheKey() throws Exception {
        // given the known address stored as a pseudonym
        join("9912000001", "2025-03-10T09:00:00Z", "Ann Lee", new Pseudonymiser(store.current()).address(KNOWN), 1);
        List<String> stored = jdbc.queryForList("select unnest(array[ip_pseudonym, ip_network_pseudonym])"
                + " from dashboard_participant where source_file_id = ?", String.class, sourceFile);

        // when an attacker hashes every address of its /24 (and the /24 itself) with plain SHA-256, SHA-1 and MD5,
        // in hex or base64, upper or lower case
        List<String> digests = new ArrayList<>();
        for (int last = 0; last < 256; last++) {
            for (String text : List.of("192.0.2." + last, "::ffff:192.0.2." + last)) {
                digests.addAll(encodings(text));
            }
        }
        digests.addAll(encodings("192.0.2.0/24"));

        // then no digest, truncated or not, equals or contains a stored pseudonym, nor the reverse
        assertThat(stored).hasSize(2).doesNotContainNull();
        for (String pseudonym : stored) {
            for (String digest : digests) {
                assertThat(digest.toLowerCase()).doesNotContain(pseudonym.toLowerCase());
                assertThat(pseudonym.toLowerCase()).doesNotContain(digest.toLowerCase().substring(0, 16));
            }
        }
        assertThat(digests).hasSizeGreaterThan(4_000);
    }

    @Test
    void aKeyOthersMayReadOrNoKeyAtAllFailsTheLookUpCleanly() throws Exception {
        // given no key at all
        // when looked up, then a clear failure that does not repeat the address
        assertThatThrownBy(() -> lookup.find(KNOWN, null)).isInstanceOf(KeyUnavailableException.class)
                .hasMessageContaining("no pseudonymisation key").message().doesNotContain(KNOWN);
        assertThat(keys).isEmptyDirectory();

        // given a key file made readable by others
        store.current();
        Files.setPosixFilePermissions(keys.resolve("key-v1"), PosixFilePermissions.fromString("rw-r-----"));

        // when looked up, then refused, naming the key file problem and not the address
        assertThatThrownBy(() -> lookup.find(KNOWN, null)).isInstanceOf(KeyUnavailableException.class)
                .hasMessageContaining("group or others").message().doesNotContain(KNOWN);
    }

    @Test
    void aValueThatIsNotAnAddressIsRefusedWithoutEchoingIt() {
        // given a key
        store.current();

        // when a value that is not an address is looked up
        // then it is refused and the message says "the address given" instead of repeating it
        for (String value : List.of("999.1.1.1", "555216871.226", "hello")) {
            assertThatThrownBy(() -> lookup.find(value, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the address given").message().doesNotContain(value);
        }
    }

    @Test
    void rowsUnderADestroyedKeyAreReportedAsUnsearchable() {
        // given rows under version 1, then a rotation and version 1 destroyed
        join("9912000001", "2025-03-10T09:00:00Z", "Ann Lee", new Pseudonymiser(store.current()).address(KNOWN), 1);
        store.rotate();
        store.destroy(1);

        // when the address is looked up
        AddressLookup.Result result = lookup.find(KNOWN, null);

        // then nothing can match, and the look-up says why
        assertThat(result.versionsSearched()).containsExactly(2);
        assertThat(result.versionsMissing()).contains(1);
        assertThat(result.meetings()).isEmpty();
        assertThat(new KeyManagement(store, jdbc).status()).filteredOn(key -> key.version() == 1).singleElement()
                .satisfies(key -> {
                    assertThat(key.source()).isEqualTo("missing");
                    assertThat(key.usage().rows(StoredTable.DASHBOARD_PARTICIPANT)).isPositive();
                    assertThat(key.problem()).contains("no key");
                });
    }

    private static List<String> encodings(String text) throws Exception {
        List<String> encoded = new ArrayList<>();
        for (String algorithm : List.of("SHA-256", "SHA-1", "MD5")) {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            encoded.add(HexFormat.of().formatHex(digest));
            encoded.add(Base64.getEncoder().encodeToString(digest));
            encoded.add(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        }
        return encoded;
    }

    private void meeting(String id, String start, String topic, String host) {
        jdbc.update("insert into meeting (meeting_id, start_time, topic, host_email, source_file_id)"
                + " values (?, ?::timestamptz, ?, ?, ?)", id, start, topic, host, sourceFile);
    }

    private void join(String meeting, String start, String name, IpPseudonym ip, int line) {
        jdbc.update("""
                insert into dashboard_participant (meeting_id, meeting_start, name, ip_pseudonym, ip_network_pseudonym,
                    ip_valid, key_version, join_time, leave_time, source_file_id, line_number)
                values (?, ?::timestamptz, ?, ?, ?, ?, ?, ?::timestamptz + make_interval(mins => ?),
                    ?::timestamptz + interval '1 hour', ?, ?)
                """, meeting, start, name, ip.address(), ip.network(), ip.valid(), ip.keyVersion(), start, line,
                start, sourceFile, line);
    }

    private void signIn(String time, String email, IpPseudonym ip) {
        jdbc.update("""
                insert into sign_in (event_time, email, event_type, ip_pseudonym, ip_network_pseudonym, ip_valid,
                    key_version, client_type, client_version, source_file_id, line_number)
                values (?::timestamptz, ?, 'SIGN_IN', ?, ?, ?, ?, 'Windows', '6.2.0', ?, 1)
                """, time, email, ip.address(), ip.network(), ip.valid(), ip.keyVersion(), sourceFile);
    }
}
