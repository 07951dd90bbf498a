package org.zoomcompliance.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dashboard's Location keeps its country only: a city must never reach a table. */
class LocationCountryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Bellevue (US )        | US
            'Paris (FR)'          | FR
            'Lyon, France'        | France
            'Lyon, '              | NULL
            FR                    | FR
            ' fr '                | FR
            Paris                 | NULL
            Saint-Étienne         | NULL
            '()'                  | NULL
            ''                    | NULL
            """)
    void keepsTheCountryAndNeverTheCity(String location, String country) {
        assertThat(Values.country(location)).isEqualTo(country);
    }
}
