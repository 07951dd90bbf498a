package org.zoomcompliance.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zoomcompliance.pseudonymisation.PseudonymKey;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

class SanitiserTest {

    private static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser(key());
    private static final Sanitiser SANITISER = new Sanitiser(PSEUDONYMISER);

    private static PseudonymKey key() {
        byte[] secret = new byte[PseudonymKey.MINIMUM_BYTES];
        Arrays.fill(secret, (byte) 5);
        return new PseudonymKey(1, secret);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Réunion serveur 192.168.1.20.|Réunion serveur [A].",
            "PC 192.168.77.1|PC [A]",
            "Windows 10.1.2.3|Windows [A]",
            "login from 192.168.1.20: refused|login from [A]: refused",
            "(via 192.168.1.20)|(via [A])",
            "IP:192.168.1.26|IP:[A]",
            "ip=192.168.1.26;next|ip=[A];next",
            "[192.168.1.26]|[[A]]",
            "192.168.1.26:8080|[A]:8080",
            "participants_10.44.44.44.csv|participants_[A].csv",
            "host192.168.0.1|host[A]",
            "192.168.001.020|[A]",
            "from 2001:db8::cafe:42, then|from [A], then",
            "2001:0db8:0000:0000:0000:0000:cafe:0042|[A]",
            "2001:DB8::CAFE:42|[A]",
            "[2001:db8::1]:443|[[A]]:443",
            "fe80::beef:1%eth0 down|[A] down",
            "[fe80::1%25eth0]|[[A]]",
            "::ffff:198.18.77.201|[A]",
            "mapped ::FFFF:C000:0201.|mapped [A].",
            "IP:2001:db8::1.|IP:[A].",
            "addr=fe80::1:|addr=[A]:",
            "ADDR:fe80::1|ADDR:[A]",
            "::1|[A]",
            "555216871.226|[A]",
            "old export 555216871.226)|old export [A])",
            "172.717.19.127|[A]",
            "999.18.1.1.|[A].",
            "two: 10.0.0.1,10.0.0.2|two: [A],[A]",
    })
    void replacesEveryAddressLikeToken(String text, String expected) {
        assertThat(Sanitiser.maskAddresses(text, "[A]")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Version 5.17.0 release", "client 5.17.11.34827", "4.0.36525.0619", "Salle 3.2",
            "le 01.12.2026 à 10:15:14", "2026-10-07 10:15:14", "Meeting 852 1848 6288", "durée 01:30:00",
            "build 1.2.3.4.5", "12:30-13:45", "Note: voir", "std::string", "Budget 2026.1", "1234567.5 MB",
            "iOS 17.1.2", "10.0.19045", "ID 95000000001", "a.b.c.d", "Ratio 3:2:1"})
    void leavesNearMissesAlone(String text) {
        assertThat(Sanitiser.maskAddresses(text, "[A]")).isEqualTo(text);
        assertThat(SANITISER.text(text)).isEqualTo(text);
    }

    @Test
    void replacesAnAddressByItsKeyedPseudonymWhateverItsForm() {
        String token = "ip:" + PSEUDONYMISER.address("192.168.77.1").address();

        assertThat(SANITISER.text("PC 192.168.77.1.")).isEqualTo("PC " + token + ".");
        assertThat(SANITISER.text("[::ffff:192.168.77.1]")).isEqualTo("[" + token + "]");
        assertThat(SANITISER.text("IP:192.168.77.1:3389")).isEqualTo("IP:" + token + ":3389");
        assertThat(SANITISER.text("fe80::1%eth0")).isEqualTo("ip:" + PSEUDONYMISER.address("fe80::1").address());
        assertThat(SANITISER.text("555216871.226")).isEqualTo("ip:" + PSEUDONYMISER.address("555216871.226").address());
    }

    @Test
    void sanitisingTwiceChangesNothingMore() {
        String once = SANITISER.sanitise("alice@exemple.fr joined from 2001:db8::1:443 and 10.0.0.1:80");

        assertThat(SANITISER.sanitise(once)).isEqualTo(once);
        assertThat(once).doesNotContain("alice@", "2001:db8", "10.0.0.1");
        assertThat(Sanitiser.maskAddresses(once, "[A]")).isEqualTo(once);
    }

    @Test
    void keepsAVersionColumnThatHasAVersionsShape() {
        assertThat(SANITISER.version("5.17.11.34827")).isEqualTo("5.17.11.34827");
        assertThat(SANITISER.version("6.0.0.1")).isEqualTo("6.0.0.1");
        assertThat(SANITISER.version("5.16.10 (26186)")).isEqualTo("5.16.10 (26186)");
        assertThat(SANITISER.version("Windows 10.1.2.3 build")).isEqualTo(
                "Windows ip:" + PSEUDONYMISER.address("10.1.2.3").address() + " build");
        assertThat(SANITISER.version(null)).isNull();
    }

    @Test
    void escapesControlCharactersSoThatANameCannotForgeALine() {
        String name = "participants_1.csv\n2026-12-01 INFO forged\tline\u001b[31m\u0085\u2028\u202E";

        assertThat(Sanitiser.printable(name)).isEqualTo(
                "participants_1.csv\\n2026-12-01 INFO forged\\tline\\u001b[31m\\u0085\\u2028\\u202e");
        assertThat(Sanitiser.fileName("participants_10.44.44.44\r\n.csv")).isEqualTo("participants_[address]\\r\\n.csv");
        assertThat(Sanitiser.printable("plain name.csv")).isEqualTo("plain name.csv");
    }

    @Test
    void redactsWithMarkersWhenNoKeyIsAtHand() {
        assertThat(Sanitiser.redact("cannot read participants_10.44.44.44.csv for bob@exemple.fr\nnext"))
                .isEqualTo("cannot read participants_[address].csv for [e-mail]\\nnext");
        assertThat(Sanitiser.redact(null)).isNull();
    }
}
