package org.zoomcompliance.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zoomcompliance.ingest.read.DateShapes.Order;

class DateShapesTest {

    private static final DateShapes SHAPES = DateShapes.load();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            09/01/2020 09:03:16 AM    | MONTH_FIRST | 2020-09-01T07:03:16Z
            Jan 24, 2024 12:25:59     | MONTH_FIRST | 2024-01-24T11:25:59Z
            Aug 01, 2017 04:53 PM     | MONTH_FIRST | 2017-08-01T14:53:00Z
            9/24/20 13:30             | MONTH_FIRST | 2020-09-24T11:30:00Z
            15/08/2022 01:27          | DAY_FIRST   | 2022-08-14T23:27:00Z
            2020/12/8 8:35            | MONTH_FIRST | 2020-12-08T07:35:00Z
            15.09.2020 10:00          | MONTH_FIRST | 2020-09-15T08:00:00Z
            2020-09-15 10:00          | MONTH_FIRST | 2020-09-15T08:00:00Z
            2022-03-01T10:15:14Z      | DAY_FIRST   | 2022-03-01T10:15:14Z
            2022-03-01T10:15:14.123Z  | MONTH_FIRST | 2022-03-01T10:15:14Z
            10/12/2026 12:00:00 AM    | MONTH_FIRST | 2026-10-11T22:00:00Z
            10/12/2026 12:00:00 PM    | DAY_FIRST   | 2026-12-10T11:00:00Z
            """)
    void parsesEveryShapeInTheInstitutionsZone(String value, Order order, Instant expected) {
        // when
        DateShapes.Moment moment = SHAPES.parse(value, order);

        // then
        assertThat(moment.instant(PARIS)).isEqualTo(expected.minusNanos(expected.getNano()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            20/10/2026 10:00       | DAY_FIRST
            10/20/2026 10:00 AM    | MONTH_FIRST
            10/11/2026 10:00 AM    |
            31/31/2026 25:61:00    |
            Jan 24, 2024 12:25:59  |
            """)
    void tellsTheDayMonthOrderOnlyFromUnambiguousValues(String value, Order expected) {
        // when
        Optional<Order> evidence = SHAPES.evidence(value);

        // then
        assertThat(evidence).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource({"05:59 PM, 17:59", "12:40 AM, 00:40"})
    void readsTimeOnlyValues(String value, LocalTime expected) {
        // when
        DateShapes.Moment moment = SHAPES.parse(value, Order.MONTH_FIRST);

        // then
        assertThat(moment.timeOnly()).isTrue();
        assertThat(moment.time()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"31/31/2026 25:61:00", "yesterday", "555216871.226", "04/31/2026 10:00", "02/29/2025",
            "2024-02-30", "13:00 PM", "Foo 12, 2024 10:00", "2026-10-01T10:00:00+25:00", "10/10/2026 10:60"})
    void rejectsWhatIsNotADateWithoutEchoingIt(String value) {
        // when / then
        assertThatThrownBy(() -> SHAPES.parse(value, Order.MONTH_FIRST))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(value);
    }
}
