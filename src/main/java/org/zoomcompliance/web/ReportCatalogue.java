package org.zoomcompliance.web;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.month.OpenDeviations;
import org.zoomcompliance.config.Policy;

/** What the DPO pages read: the registered workbooks ({@code report}) and a month's deviations. */
@Component
@ConditionalOnWebApplication
class ReportCatalogue {

    /** Rows of a deviations page, at most. */
    static final int DEVIATION_PAGE = 1000;

    /** A registered workbook. */
    record Report(long id, YearMonth month, int version, String path, String sha256, long sizeBytes,
            OffsetDateTime generatedAt) {
    }

    /** One deviation, as the DPO sees it. */
    record Deviation(String rule, String severity, String status, OffsetDateTime occurred, String meetingId,
            String topic, String host, String profile, String evidence) {
    }

    private final JdbcTemplate jdbc;
    /** Times are shown as the exports and the workbook show them: in the institution's zone. */
    private final ZoneId zone;

    ReportCatalogue(JdbcTemplate jdbc, Policy policy) {
        this.zone = policy.zone();
        this.jdbc = jdbc;
    }

    /** Every workbook, newest month and version first. */
    List<Report> reports() {
        return jdbc.query("select id, month, version, path, sha256, size_bytes, generated_at from report"
                + " order by month desc, version desc", (rs, row) -> report(rs));
    }

    Optional<Report> report(long id) {
        return jdbc.query("select id, month, version, path, sha256, size_bytes, generated_at from report where id = ?",
                (rs, row) -> report(rs), id).stream().findFirst();
    }

    /** Months that were evaluated or have deviations or a workbook, newest first. */
    List<YearMonth> months() {
        return jdbc.queryForList("select month from month_facts union select month from deviation"
                        + " union select month from report order by 1 desc", Date.class)
                .stream().map(date -> YearMonth.from(date.toLocalDate())).toList();
    }

    /** The rule codes with deviations in a month. */
    List<String> rules(YearMonth month) {
        return jdbc.queryForList("select distinct rule_code from deviation where month = ? order by 1", String.class,
                Date.valueOf(month.atDay(1)));
    }

    /** Open deviations of a month, optionally of one rule and one severity. */
    long countOpen(YearMonth month, String rule, String severity) {
        List<Object> arguments = new ArrayList<>();
        String where = where(month, rule, severity, arguments);
        return jdbc.queryForObject("select count(*) from " + OpenDeviations.VIEW + where, Long.class,
                arguments.toArray());
    }

    /** Deviations of the previous month a month resolved, optionally of one rule and one severity. */
    long countResolved(YearMonth month, String rule, String severity) {
        List<Object> arguments = new ArrayList<>();
        String where = where(month, rule, severity, arguments);
        arguments.add(OpenDeviations.RESOLVED);
        return jdbc.queryForObject("select count(*) from deviation" + where + " and status = ?", Long.class,
                arguments.toArray());
    }

    /** A month's deviations, optionally of one rule and one severity: open ones most severe first, then resolved. */
    List<Deviation> deviations(YearMonth month, String rule, String severity) {
        List<Object> arguments = new ArrayList<>();
        String where = where(month, rule, severity, arguments);
        arguments.add(DEVIATION_PAGE);
        return jdbc.query("select rule_code, severity, status, occurred_at, meeting_id, topic, host_email, profile, evidence"
                        + " from deviation" + where
                        + " order by status = '" + OpenDeviations.RESOLVED + "',"
                        + " case severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, rule_code,"
                        + " occurred_at nulls last, id limit ?",
                (rs, row) -> new Deviation(rs.getString("rule_code"), rs.getString("severity"), rs.getString("status"),
                        local(rs.getObject("occurred_at", OffsetDateTime.class)), rs.getString("meeting_id"), rs.getString("topic"),
                        rs.getString("host_email"), rs.getString("profile"), rs.getString("evidence")),
                arguments.toArray());
    }

    private static String where(YearMonth month, String rule, String severity, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" where month = ?");
        arguments.add(Date.valueOf(month.atDay(1)));
        if (rule != null) {
            where.append(" and rule_code = ?");
            arguments.add(rule);
        }
        if (severity != null) {
            where.append(" and severity = ?");
            arguments.add(severity);
        }
        return where.toString();
    }

    private Report report(ResultSet rs) throws SQLException {
        return new Report(rs.getLong("id"), YearMonth.from(rs.getDate("month").toLocalDate()), rs.getInt("version"),
                rs.getString("path"), rs.getString("sha256").trim(), rs.getLong("size_bytes"),
                local(rs.getObject("generated_at", OffsetDateTime.class)));
    }

    private OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
