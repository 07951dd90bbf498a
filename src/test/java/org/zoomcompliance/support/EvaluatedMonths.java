package org.zoomcompliance.support;

import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Marks a month as evaluated ({@code month_facts}), as the evaluate job records it, for tests that plant a
 * month's deviations with SQL rather than evaluating exports.
 */
public final class EvaluatedMonths {

    private EvaluatedMonths() {
    }

    public static void mark(JdbcTemplate jdbc, YearMonth month) {
        mark(jdbc, month, null);
    }

    /** Marks the month evaluated, judged on the recordings inventory of that date (null: none). */
    public static void mark(JdbcTemplate jdbc, YearMonth month, LocalDate inventory) {
        jdbc.update("insert into month_facts (month, has_input, inventory_date, evaluated_at) values (?, true, ?, now())"
                + " on conflict (month) do update set has_input = true, inventory_date = excluded.inventory_date",
                month.atDay(1), inventory);
    }
}
