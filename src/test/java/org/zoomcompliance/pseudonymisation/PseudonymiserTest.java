package org.zoomcompliance.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private static final PseudonymKey KEY = key(1, 7);
    private static final PseudonymKey OTHER_KEY = key(2, 8);

    static PseudonymKey key(int version, int seed) {
        byte[] secret = new byte[PseudonymKey.MINIMUM_BYTES];
        Arrays.fill(secret, (byte) seed);
        return new PseudonymKey(version, secret);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "192.0.2.1|192.0.2.1",
            "' 192.0.2.1 '|192.0.2.1",
            "'\t192.0.2.1\u00A0'|192.0.2.1",
            "'\uFEFF192.0.2.1'|192.0.2.1",
            "::ffff:192.0.2.1|192.0.2.1",
            "::FFFF:C000:0201|192.0.2.1",
            "[::ffff:192.0.2.1]|192.0.2.1",
            "' [::ffff:192.0.2.1] '|192.0.2.1",
            "2001:DB8:0:0:0:0:0:1|2001:db8::1",
            "2001:0db8:0000:0000:0000:ff00:0042:8329|2001:db8::ff00:42:8329",
            "[2001:db8::1]|2001:db8::1",
            "fe80::1%eth0|fe80::1",
            "[fe80::1%25eth0]|fe80::1",
            "2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1|2001:db8:0:1:1:1:1:1",
            "2001:0:0:1:0:0:0:1|2001:0:0:1::1",
            "0:0:0:0:0:0:0:1|::1",
            "010.1.1.1|10.1.1.1",
            "::|::"})
    void canonicalisesEveryWritingOfAnAddressToOneForm(String raw, String canonical) {
        // given an address as an export may write it
        // when it is canonicalised
        // then it has its one canonical form
        assertThat(Pseudonymiser.canonical(raw)).hasValueSatisfying(
                address -> assertThat(address.toCanonicalString()).isEqualTo(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"555216871.226", "999.1.1.1", "hello", "1.2.3", "1.2.3.4.", "192.0.2.1/24", "0x7f.1.1.1",
            "1.2.3.4:8080", "[2001:db8::1]:443", "192.0.2.1%eth0", "*", "localhost", "example.org", "2001:db8:::1"})
    void valuesThatAreNotAddressesArePseudonymisedAndFlaggedInvalid(String raw) {
        // given a value that is not an IP address (nor a name to resolve: no DNS is ever done)
        Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);

        // when it is pseudonymised
        IpPseudonym pseudonym = pseudonymiser.address(raw);

        // then it is flagged invalid, has no network, and is not kept in clear
        assertThat(Pseudonymiser.canonical(raw)).isEmpty();
        assertThat(pseudonym.valid()).isFalse();
        assertThat(pseudonym.network()).isNull();
        assertThat(pseudonym.address()).hasSize(32).doesNotContain(raw).isNotEqualTo(raw);
        assertThat(pseudonym.keyVersion()).isEqualTo(1);
        assertThat(pseudonymiser.address(" " + raw + " ")).isEqualTo(pseudonym);
    }

    @Test
    void equivalentWritingsGetTheSamePseudonymAndNetwork() {
        // given one address written four ways
        Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);

        // when each is pseudonymised
        IpPseudonym plain = pseudonymiser.address("192.0.2.44");

        // then all get the same pseudonyms
        assertThat(pseudonymiser.address("::ffff:192.0.2.44")).isEqualTo(plain);
        assertThat(pseudonymiser.address("[::FFFF:192.0.2.44]")).isEqualTo(plain);
        assertThat(pseudonymiser.address(" 192.0.2.44\u00A0")).isEqualTo(plain);
        assertThat(plain.valid()).isTrue();
        assertThat(pseudonymiser.address("2001:DB8::1%eth0")).isEqualTo(pseudonymiser.address("[2001:db8:0::1]"));
    }

    @Test
    void networksAreSlash24ForIpv4AndSlash48ForIpv6() {
        // given a pseudonymiser
        Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);

        // when neighbours are pseudonymised
        // then they share the network pseudonym but not the address pseudonym
        assertThat(pseudonymiser.address("192.0.2.1").network()).isEqualTo(pseudonymiser.address("192.0.2.254").network());
        assertThat(pseudonymiser.address("192.0.2.1").network()).isNotEqualTo(pseudonymiser.address("192.0.3.1").network());
        assertThat(pseudonymiser.address("192.0.2.1").address()).isNotEqualTo(pseudonymiser.address("192.0.2.2").address());
        assertThat(pseudonymiser.address("2001:db8:1::1").network()).isEqualTo(pseudonymiser.address("2001:db8:1:ffff::9").network());
        assertThat(pseudonymiser.address("2001:db8:1::1").network()).isNotEqualTo(pseudonymiser.address("2001:db8:2::1").network());
    }

    @Test
    void pseudonymsDependOnTheKeyAndThePurpose() {
        // given two key versions
        Pseudonymiser first = new Pseudonymiser(KEY);
        Pseudonymiser second = new Pseudonymiser(OTHER_KEY);

        // when the same values are pseudonymised
        // then the key changes everything, and an address never collides with its network, an e-mail or a phone
        assertThat(first.address("192.0.2.44").address()).isNotEqualTo(second.address("192.0.2.44").address());
        assertThat(second.address("192.0.2.44").keyVersion()).isEqualTo(2);
        assertThat(first.address("192.0.2.0").address()).isNotEqualTo(first.address("192.0.2.44").network());
        assertThat(first.email("192.0.2.44")).isNotEqualTo(first.address("192.0.2.44").address());
        assertThat(first.email(" Ann.Lee@Example.org ")).isEqualTo(first.email("ann.lee@example.org"));
        assertThat(first.phoneNumber("+33 (1) 23-45-67-89")).isEqualTo(first.phoneNumber("+33123456789"));
        assertThat(first.address("  ")).isNull();
        assertThat(first.address(null)).isNull();
    }

    @Test
    void theKeyNeverShowsInTextAndShortKeysAreRefused() {
        // given a key
        // when it is printed
        // then only its version shows; and a key of fewer than 256 bits is refused
        assertThat(KEY.toString()).isEqualTo("PseudonymKey[version=1]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PseudonymKey(1, new byte[31]))
                .isInstanceOf(KeyUnavailableException.class).hasMessageContaining("256");
        assertThat(new String(KEY.secret(), StandardCharsets.ISO_8859_1)).hasSize(32);
    }
}
