package org.zoomcompliance.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Marie Durand                          | Marie Durand  | -               | -
            Claire Roux (Claire R.)               | Claire Roux   | Claire R.       | -
            Thomas Lambert (Host)                 | Thomas Lambert| -               | HOST
            Frank Helper (F. Helper) (Co-host)    | Frank Helper  | F. Helper       | CO_HOST
            Anna (Lab (B)) (Hôte)                 | Anna          | Lab (B)         | HOST
            Ghost (Hostile)                       | Ghost         | Hostile         | -
            (Only parentheses)                    | (Only parentheses) | -          | -
            Yasmini's iPhone (2)                  | Yasmini's iPhone (2) | -        | -
            Yasmini's iPhone (2) (Host)           | Yasmini's iPhone (2) | -        | HOST
            Veisman, Ido (Ido V.)                 | Veisman, Ido  | Ido V.          | -
            """)
    void splitsOriginalNameAndRoleTags(String raw, String name, String original, String role) {
        // when
        PersonName parsed = PersonName.parse(raw);

        // then
        assertThat(parsed).isEqualTo(new PersonName(name, original, role));
    }
}
