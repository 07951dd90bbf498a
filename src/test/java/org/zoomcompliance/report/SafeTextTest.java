package org.zoomcompliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void aValueExcelWouldEvaluateIsRecognised() {
        // given values that start like a formula, in ASCII and full-width forms, or with tab / CR
        String[] formulas = {"=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "\uFF1D1+1", "\uFF0B1", "\uFF0D1",
            "\uFF20SUM(A1)"};

        // when / then each is flagged for the quote prefix, and ordinary text is not
        for (String formula : formulas) {
            assertThat(SafeText.looksLikeFormula(SafeText.clean(formula))).as(formula).isTrue();
        }
        assertThat(SafeText.looksLikeFormula("Conseil de laboratoire")).isFalse();
        assertThat(SafeText.looksLikeFormula(" =1")).isFalse();
    }

    @Test
    void controlCharactersAreRemovedAndLineBreaksKept() {
        // given a text with NUL, bell, escape and a line break
        String raw = "a\u0000b\u0007c\u001Bd\ne";

        // when it is cleaned
        String cleaned = SafeText.clean(raw);

        // then only the layout characters remain
        assertThat(cleaned).isEqualTo("abcd\ne");
    }

    @Test
    void clearAddressesAreMaskedButTimesAndVersionsAreNot() {
        // given evidence quoting IPv4, IPv6 and IPv4-mapped addresses, a time and a client version
        String raw = "joined from 192.168.1.20 and 2001:db8::1 and ::ffff:10.0.0.1 at 10:15:14 with client 5.17.0";

        // when it is cleaned
        String cleaned = SafeText.clean(raw);

        // then no address is left, the rest is intact
        assertThat(cleaned).doesNotContain("192.168.1.20", "2001:db8::1", "10.0.0.1")
                .contains("10:15:14", "5.17.0", SafeText.ADDRESS_MASK);
    }

    @Test
    void addressesFollowedByPunctuationPrefixedOrInvalidAreMaskedToo() {
        // given evidence quoting addresses the way exports and people write them
        String raw = "Réunion serveur 192.168.1.20. IP:192.168.1.26, [2001:db8::7]:443 (fe80::1%eth0) "
                + "old 555216871.226 and 172.717.19.127; Salle 3.2 at 01.12.2026";

        // when it is cleaned
        String cleaned = SafeText.clean(raw);

        // then each address is masked where it stood and the rest is intact
        String mask = SafeText.ADDRESS_MASK;
        assertThat(cleaned).isEqualTo("Réunion serveur " + mask + ". IP:" + mask + ", [" + mask + "]:443 (" + mask
                + ") old " + mask + " and " + mask + "; Salle 3.2 at 01.12.2026");
    }

    @Test
    void textPastExcelsCellLimitIsTruncatedWithAMarker() {
        // given a text of 40,000 characters
        String raw = "x".repeat(40_000);

        // when it is cleaned
        String cleaned = SafeText.clean(raw);

        // then it fits one cell and says it was cut
        assertThat(cleaned).hasSizeLessThanOrEqualTo(SafeText.EXCEL_CELL_LIMIT)
                .endsWith("[truncated: 40000 characters in all]");
    }
}
