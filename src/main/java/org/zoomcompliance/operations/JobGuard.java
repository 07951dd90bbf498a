package org.zoomcompliance.operations;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.infrastructure.Sentence;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.retention.Retention;
import org.zoomcompliance.schema.StoredTable;

/**
 * The dates and months a launch may be for, checked before every launch from the command line, the console and
 * the scheduler, so that one mistyped value never purges or rewrites what the policy keeps:
 * <ul>
 * <li>a retention as-of or a nightly date may not be after today (in the institution's zone): each purge then
 *     removes at most what the policy's own limits remove today;</li>
 * <li>a retention as-of, or a nightly date (a night applies retention as of its date), may not be earlier than
 *     that of the newest retention applied: it would remove nothing that run left, and judge recordings as of a
 *     day already judged;</li>
 * <li>a month to evaluate or report must lie between the earliest month of the data held and the current month
 *     (only the current month when nothing was ingested yet).</li>
 * </ul>
 * Only one retention runs at a time: {@link JobControl} holds a lock for it.
 */
@Component
public class JobGuard {

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Clock clock;

    public JobGuard(JdbcTemplate jdbc, Policy policy, Clock clock) {
        this.jdbc = jdbc;
        this.zone = policy.zone();
        this.clock = clock;
    }

    /** Today in the institution's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Refuses a request whose day or month is out of range; any other request passes. */
    public void check(JobRequest request) {
        Optional<LocalDate> day = request.day();
        if (day.isPresent()) {
            checkNotAfterToday(request, day.get());
            if (request.jobName().equals(JobRequest.RETENTION_JOB) || request.jobName().equals(JobRequest.NIGHTLY_JOB)) {
                checkNotBehindNewestRetention(request, day.get());
            }
        }
        request.month().ifPresent(month -> checkHeld(request, month));
    }

    private void checkNotAfterToday(JobRequest request, LocalDate day) {
        LocalDate today = today();
        if (day.isAfter(today)) {
            throw new OutOfRangeException(request.subject() + " refused: the date is after today (" + today
                    + " in " + zone + "); a date in the future would purge what the policy keeps until then");
        }
    }

    private void checkNotBehindNewestRetention(JobRequest request, LocalDate asOf) {
        List<Newest> newest = jdbc.query("""
                select p.parameter_value, e.job_execution_id
                from batch_job_execution e
                join batch_job_instance i on i.job_instance_id = e.job_instance_id
                join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
                where i.job_name = ? and p.parameter_name = ? and e.status = 'COMPLETED'
                order by p.parameter_value desc, e.job_execution_id desc
                limit 1
                """, (rs, row) -> new Newest(LocalDate.parse(rs.getString(1)), rs.getLong(2)),
                JobRequest.RETENTION_JOB, Retention.AS_OF);
        if (!newest.isEmpty() && asOf.isBefore(newest.get(0).asOf())) {
            boolean nightly = request.jobName().equals(JobRequest.NIGHTLY_JOB);
            throw new JobRefusedException(Sentence.of(nightly ? "refusal.behind-retention.nightly"
                    : "refusal.behind-retention", asOf.toString(), newest.get(0).asOf().toString(),
                    String.valueOf(newest.get(0).executionId())));
        }
    }

    private record Newest(LocalDate asOf, long executionId) {
    }

    private void checkHeld(JobRequest request, YearMonth month) {
        YearMonth current = YearMonth.from(today());
        Optional<YearMonth> earliest = earliestMonthHeld();
        if (earliest.isEmpty() && !month.equals(current)) {
            throw new OutOfRangeException(request.subject() + " refused: no data has been ingested yet, so"
                    + " only the current month (" + current + ") can be " + verb(request));
        }
        YearMonth from = earliest.map(e -> e.isAfter(current) ? current : e).orElse(current);
        if (month.isBefore(from) || month.isAfter(current)) {
            throw new OutOfRangeException(request.subject() + " refused: the month must lie between " + from
                    + " (the earliest month of the data held) and " + current + " (the current month in " + zone + ")");
        }
    }

    /**
     * The earliest month of any data held: the rows of every table ingestion writes to (schema/StoredTable, by the
     * moment each row belongs to), source files (by their inventory date and when they were ingested) and
     * deviations. A moment is a timestamp or a date, so each minimum is turned into a day of the institution's zone
     * here rather than in one SQL expression mixing both types.
     */
    Optional<YearMonth> earliestMonthHeld() {
        List<String> minima = new ArrayList<>();
        for (StoredTable table : StoredTable.values()) {
            minima.add("select min(" + table.moment() + ") from " + table.sqlName());
        }
        minima.add("select min(ingested_at) from source_file");
        minima.add("select min(inventory_date) from source_file");
        minima.add("select min(month) from deviation");
        return minima.stream()
                .map(sql -> jdbc.queryForObject(sql, Object.class))
                .map(this::localDate)
                .flatMap(Optional::stream)
                .min(LocalDate::compareTo)
                .map(YearMonth::from);
    }

    private Optional<LocalDate> localDate(Object moment) {
        if (moment instanceof Date date) {
            return Optional.of(date.toLocalDate());
        }
        if (moment instanceof Timestamp timestamp) {
            return Optional.of(timestamp.toInstant().atZone(zone).toLocalDate());
        }
        return Optional.empty();
    }

    private static String verb(JobRequest request) {
        return request.jobName().equals(JobRequest.REPORT_JOB) ? "reported" : "evaluated";
    }
}
