package org.zoomcompliance.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.zoomcompliance.month.MonthFacts;
import org.zoomcompliance.month.MonthWindow;

/**
 * The month a workbook is built for: its bounds ({@link MonthWindow}) and what its evaluation was judged on (null:
 * never evaluated), as every sheet reads them.
 */
record Period(MonthWindow window, MonthFacts facts) {

    YearMonth month() {
        return window.month();
    }

    ZoneId zone() {
        return window.zone();
    }

    LocalDate first() {
        return window.first();
    }

    LocalDate last() {
        return window.last();
    }

    OffsetDateTime from() {
        return window.start();
    }

    OffsetDateTime to() {
        return window.end();
    }

    boolean evaluated() {
        return facts != null && facts.evaluated();
    }

    /** The recordings inventory evaluation judged the month on (it may list nothing), or null. */
    LocalDate inventoryDate() {
        return facts == null ? null : facts.inventoryDate();
    }

    /**
     * The named parameters every sheet's SQL may use: {@code :month} (the month's first day, as {@code month}
     * columns hold it), {@code :from} and {@code :to} (its instants, end excluded), {@code :snapshotLatest}.
     */
    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource()
                .addValue("month", first())
                .addValue("from", from())
                .addValue("to", to())
                .addValue("snapshotLatest", window.snapshotLatest());
    }
}
