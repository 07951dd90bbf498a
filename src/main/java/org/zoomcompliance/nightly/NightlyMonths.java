package org.zoomcompliance.nightly;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.config.Policy;

/**
 * Which months a night re-evaluates: the month of the day before (whose exports arrived), the month before it
 * during the first week (late exports), and every month the period of the night's files' data touches.
 */
@Component
class NightlyMonths {

    /** How far back a night re-evaluates months that late exports touched. */
    private static final int MONTHS_BACK = 12;
    private static final int LATE_EXPORT_DAYS = 7;

    private final NamedParameterJdbcTemplate jdbc;
    private final Policy policy;

    NightlyMonths(NamedParameterJdbcTemplate jdbc, Policy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    Set<YearMonth> toEvaluate(LocalDate date, IngestReport report) {
        LocalDate processed = date.minusDays(1);
        Set<YearMonth> months = new TreeSet<>();
        months.add(YearMonth.from(processed));
        if (processed.getDayOfMonth() <= LATE_EXPORT_DAYS) {
            months.add(YearMonth.from(processed).minusMonths(1));
        }
        List<String> files = report.files().stream().map(IngestReport.FileOutcome::sha256).toList();
        if (!files.isEmpty()) {
            YearMonth oldest = YearMonth.from(processed).minusMonths(MONTHS_BACK);
            // the months a file concerns are those its data period touches (docs/months.md, "Files"), as the
            // month facts count them: read from the file's record, not by scanning its rows
            jdbc.queryForList("""
                    select distinct to_char(m, 'YYYY-MM')
                    from source_file f,
                         generate_series(date_trunc('month', f.data_from at time zone :zone),
                                         date_trunc('month', f.data_to at time zone :zone), interval '1 month') m
                    where f.sha256 in (:files) and f.data_from is not null and f.data_to is not null
                    """, new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("files", files)
                            .addValue("zone", policy.zone().getId()), String.class)
                    .stream().map(YearMonth::parse)
                    .filter(month -> !month.isBefore(oldest) && !month.isAfter(YearMonth.from(processed)))
                    .forEach(months::add);
        }
        return months;
    }
}
