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
import org.zoomcompliance.infrastructure.EvidenceText;

/** What the DPO pages read: the registered workbooks ({@code report}) and a month's deviations. */
@Component
@ConditionalOnWebApplication
class ReportCatalogue {

    /** Rows of a deviations page. */
    static final int DEVIATION_PAGE = 25;

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

    /** Open deviations that match the filter (its status aside). */
    long countOpen(DeviationFilter filter) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter.anyStatus(), arguments);
        return jdbc.queryForObject("select count(*) from " + OpenDeviations.VIEW + where, Long.class,
                arguments.toArray());
    }

    /** Deviations of the previous month the month resolved that match the filter (its status aside). */
    long countResolved(DeviationFilter filter) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter.anyStatus(), arguments);
        arguments.add(OpenDeviations.RESOLVED);
        return jdbc.queryForObject("select count(*) from deviation" + where + " and status = ?", Long.class,
                arguments.toArray());
    }

    /** Deviations that match the filter, its status included: the rows the pages and the export list. */
    long count(DeviationFilter filter) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        return jdbc.queryForObject("select count(*) from deviation" + where, Long.class, arguments.toArray());
    }

    /**
     * One page of the deviations that match the filter, as the workbook orders them: open ones first, most severe
     * first, then by rule and date; then the resolved ones.
     */
    List<Deviation> deviations(DeviationFilter filter, int offset, int limit) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        // evidence as the workbook writes it (docs/evidence.md), in the page's language
        EvidenceText evidence = ConsoleSentences.language();
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query("select rule_code, severity, status, occurred_at, meeting_id, topic, host_email, profile, evidence,"
                        + " evidence_key, evidence_args::text as evidence_args from deviation" + where
                        + " order by status = '" + OpenDeviations.RESOLVED + "',"
                        + " case severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, rule_code,"
                        + " occurred_at nulls last, id limit ? offset ?",
                (rs, row) -> new Deviation(rs.getString("rule_code"), rs.getString("severity"), rs.getString("status"),
                        local(rs.getObject("occurred_at", OffsetDateTime.class)), rs.getString("meeting_id"), rs.getString("topic"),
                        rs.getString("host_email"), rs.getString("profile"),
                        evidence.render(rs.getString("evidence_key"), rs.getString("evidence_args"), rs.getString("evidence"))),
                arguments.toArray());
    }

    /** The month's newest workbook still held, if any. */
    Optional<Report> workbook(YearMonth month) {
        return jdbc.query("select id, month, version, path, sha256, size_bytes, generated_at from report"
                        + " where month = ? and purged_at is null order by version desc limit 1",
                (rs, row) -> report(rs), Date.valueOf(month.atDay(1))).stream().findFirst();
    }

    private static String where(DeviationFilter filter, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" where month = ?");
        arguments.add(Date.valueOf(filter.month().atDay(1)));
        if (DeviationFilter.OPEN.equals(filter.status())) {
            where.append(" and status in (").append(String.join(", ",
                    OpenDeviations.STATUSES.stream().map(status -> "?").toList())).append(")");
            arguments.addAll(OpenDeviations.STATUSES);
        } else if (DeviationFilter.RESOLVED.equals(filter.status())) {
            where.append(" and status = ?");
            arguments.add(OpenDeviations.RESOLVED);
        }
        if (filter.rule() != null) {
            where.append(" and rule_code = ?");
            arguments.add(filter.rule());
        }
        if (filter.severity() != null) {
            where.append(" and severity = ?");
            arguments.add(filter.severity());
        }
        if (filter.host() != null) {
            // part of the host's e-mail, whatever the case; '_' is a letter of an e-mail, not a wildcard
            where.append(" and host_email ilike ? escape '!'");
            arguments.add("%" + filter.host().replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%");
        }
        if (filter.meetingId() != null) {
            where.append(" and meeting_id = ?");
            arguments.add(filter.meetingId());
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
