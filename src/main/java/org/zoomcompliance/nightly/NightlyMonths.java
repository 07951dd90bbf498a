package org.zoomcompliance.nightly;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.policy.Policy;

/**
 * Which months a night re-evaluates: the month of the day before (whose exports arrived), the month before it
 * during the first week (late exports), and every month the night's files hold meetings, joins or sign-ins of.
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
            jdbc.queryForList("""
                    select distinct to_char(t at time zone :zone, 'YYYY-MM') from (
                        select m.start_time as t from meeting m join source_file f on f.id = m.source_file_id
                         where f.sha256 in (:files)
                        union all
                        select zc_join_moment(p.meeting_start, p.join_time) from participant_join p
                          join source_file f on f.id = p.source_file_id
                         where f.sha256 in (:files)
                        union all
                        select zc_join_moment(d.meeting_start, d.join_time) from dashboard_participant d
                          join source_file f on f.id = d.source_file_id
                         where f.sha256 in (:files)
                        union all
                        select s.event_time from sign_in s join source_file f on f.id = s.source_file_id
                         where f.sha256 in (:files)
                    ) times where t is not null
                    """, new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("files", files)
                            .addValue("zone", policy.zone().getId()), String.class)
                    .stream().map(YearMonth::parse)
                    .filter(month -> !month.isBefore(oldest) && !month.isAfter(YearMonth.from(processed)))
                    .forEach(months::add);
        }
        return months;
    }
}
