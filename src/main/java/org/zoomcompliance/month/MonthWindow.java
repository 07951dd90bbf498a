package org.zoomcompliance.month;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A month in the institution's zone and the windows around it (docs/months.md): its bounds as instants and as
 * dates, the wider span joins are first selected in, and the window a users or hosts snapshot may describe it
 * from. Evaluation, the workbook, the console and the command line all take a month's bounds from here.
 */
public record MonthWindow(YearMonth month, ZoneId zone) {

    /** How long after the reference date an undated snapshot (dated when ingested) may still describe the month. */
    public static final int SNAPSHOT_MONTHS_AFTER = 2;
    /** How old a snapshot may be and still describe the month. */
    public static final int SNAPSHOT_YEARS_BEFORE = 1;

    /** The first day. */
    public LocalDate first() {
        return month.atDay(1);
    }

    /** The last day: the date state rules are judged at when no inventory gives one. */
    public LocalDate last() {
        return month.atEndOfMonth();
    }

    /** The first instant of the month. */
    public OffsetDateTime start() {
        return first().atStartOfDay(zone).toOffsetDateTime();
    }

    /** The first instant of the next month (excluded). */
    public OffsetDateTime end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }

    /**
     * A day wider on each side: rows are selected in this span, then each join is placed in its occurrence and
     * kept when the occurrence started within the month.
     */
    public OffsetDateTime wideStart() {
        return start().minusDays(1);
    }

    public OffsetDateTime wideEnd() {
        return end().plusDays(1);
    }

    public MonthWindow previous() {
        return new MonthWindow(month.minusMonths(1), zone);
    }

    /** The oldest snapshot date that may describe the month. */
    public LocalDate snapshotOldest() {
        return first().minusYears(SNAPSHOT_YEARS_BEFORE);
    }

    /** The latest snapshot date that may describe the month judged at {@code reference}. */
    public static LocalDate snapshotLatest(LocalDate reference) {
        return reference.plusMonths(SNAPSHOT_MONTHS_AFTER);
    }

    /** The latest snapshot date that may describe the month judged at its last day. */
    public LocalDate snapshotLatest() {
        return snapshotLatest(last());
    }
}
