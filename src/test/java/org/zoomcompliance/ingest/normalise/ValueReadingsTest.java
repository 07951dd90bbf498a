package org.zoomcompliance.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zoomcompliance.ingest.normalise.ValueReadings.Answer;
import org.zoomcompliance.ingest.normalise.ValueReadings.YesNo;

class ValueReadingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            OK                     | ACKNOWLEDGED
            Y                      | ACKNOWLEDGED
            yes                    | ACKNOWLEDGED
            Sì                     | ACKNOWLEDGED
            No Response            | NO_ANSWER
            '  no response '       | NO_ANSWER
            ''                     | NO_ANSWER
            NA                     | NO_ANSWER
            -                      | NO_ANSWER
            Leave Meeting          | REFUSED
            No                     | REFUSED
            Nessuna risposta       | NO_ANSWER
            Aucune réponse         | NO_ANSWER
            Sin respuesta          | NO_ANSWER
            Keine Antwort          | NO_ANSWER
            応答なし               | NO_ANSWER
            Maybe later            | UNKNOWN
            """)
    void readsTheRecordingNoticeAnswersOfEveryLayoutAndLanguage(String value, Answer answer) {
        assertThat(ValueReadings.answer(value)).isEqualTo(answer);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Yes     | YES
            Sì      | YES
            SÌ      | YES
            はい    | YES
            Nein    | NO
            Não     | NO
            否      | NO
            -       | NONE
            """)
    void readsYesAndNoInEveryLanguage(String value, YesNo reading) {
        assertThat(ValueReadings.yesNo(value)).isEqualTo(reading);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Perhaps
            2
            """)
    void knowsNoReadingForAValueNoTableNames(String value) {
        assertThat(ValueReadings.yesNo(value)).isNull();
    }
}
