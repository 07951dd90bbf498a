package org.zoomcompliance.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.config.PipelineSettings;
import org.zoomcompliance.ingest.normalise.Sanitiser;
import org.zoomcompliance.month.MonthRegister;
import org.zoomcompliance.month.OpenDeviations;
import org.zoomcompliance.nightly.NightlyRun;
import org.zoomcompliance.operations.ExecutionView;
import org.zoomcompliance.operations.JobControl;

/**
 * What the start page shows at a glance: the latest workbook and its month's open HIGH deviations, the last nightly
 * run and how it ended, jobs that failed (and were not run again) or seem stuck, and the files quarantined in the
 * last 7 days. "Open" and whether a month was evaluated are read from {@link MonthRegister} and
 * {@link OpenDeviations}, never decided here (docs/months.md).
 */
@Component
@ConditionalOnWebApplication
class Dashboard {

    /** The failed or stuck jobs listed, at most (the page says how many there are in all). */
    static final int PROBLEMS_SHOWN = 10;
    /** The quarantined files of the week listed, at most. */
    static final int QUARANTINED_SHOWN = 20;
    /** "This week": the files quarantined since this long before now. */
    static final Duration QUARANTINE_WINDOW = Duration.ofDays(7);

    /** The workbook generated last, with the open HIGH deviations of its month (null when not evaluated). */
    record LatestWorkbook(long id, YearMonth month, int version, OffsetDateTime generatedAt, Long openHigh) {
    }

    /**
     * An execution with its exit message in words; {@code stuck} when it runs without any progress for {@code
     * zoom-compliance.console.stuck-after} (1 h).
     */
    record Job(ExecutionView execution, String message, boolean stuck) {
        static Job of(ExecutionView execution, boolean stuck, ExitMessages exits) {
            return new Job(execution, stuck && execution.exitMessage().isEmpty()
                    ? exits.stuck() : exits.human(execution.exitMessage()), stuck);
        }
    }

    /** A file quarantined this week, with why. */
    record QuarantinedFile(long id, String fileName, OffsetDateTime at, String reasons) {
    }

    private static final String LAST_OF_ITS_INSTANCE = " and not exists (select 1 from batch_job_execution later"
            + " where later.job_instance_id = e.job_instance_id and later.job_execution_id > e.job_execution_id)";
    private static final String STUCK = " from batch_job_execution e where e.status in ('STARTING', 'STARTED', 'STOPPING')"
            + " and greatest(e.last_updated, e.start_time, (select max(s.last_updated)"
            + " from batch_step_execution s where s.job_execution_id = e.job_execution_id)) < ?";

    private final JdbcTemplate jdbc;
    private final MonthRegister register;
    private final JobControl jobControl;
    private final Clock clock;
    private final Duration stuckAfter;
    private final ExitMessages exits;

    Dashboard(JdbcTemplate jdbc, MonthRegister register, JobControl jobControl, Clock clock,
            PipelineSettings settings, ExitMessages exits) {
        this.jdbc = jdbc;
        this.exits = exits;
        this.register = register;
        this.jobControl = jobControl;
        this.clock = clock;
        this.stuckAfter = settings.console().stuckAfter();
    }

    /** The workbook generated last and still held (a purged one cannot be downloaded). */
    Optional<LatestWorkbook> latestWorkbook() {
        return jdbc.query("select id, month, version, generated_at from report where purged_at is null"
                        + " order by generated_at desc, id desc limit 1",
                (rs, row) -> {
                    YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
                    return new LatestWorkbook(rs.getLong("id"), month, rs.getInt("version"),
                            rs.getObject("generated_at", OffsetDateTime.class), openHigh(month));
                }).stream().findFirst();
    }

    /** The month's open HIGH deviations, or null when it was not evaluated (never shown as 0). */
    private Long openHigh(YearMonth month) {
        if (!register.evaluated(month)) {
            return null;
        }
        return jdbc.queryForObject("select count(*) from " + OpenDeviations.VIEW + " where month = ? and severity = 'HIGH'",
                Long.class, month.atDay(1));
    }

    /** The last nightly run, whatever its end. */
    Optional<Job> lastNightly() {
        return jdbc.queryForList("select e.job_execution_id from batch_job_execution e join batch_job_instance i"
                        + " on i.job_instance_id = e.job_instance_id where i.job_name = ?"
                        + " order by e.job_execution_id desc limit 1", Long.class, NightlyRun.JOB_NAME)
                .stream().findFirst().flatMap(jobControl::find).map(view -> Job.of(view, false, exits));
    }

    /** Failed executions not restarted since, and running ones without progress for {@code stuck-after}. */
    List<Job> problems() {
        List<Job> stuck = jdbc.queryForList("select e.job_execution_id" + STUCK
                        + " order by e.job_execution_id desc limit ?", Long.class, stuckBefore(), PROBLEMS_SHOWN)
                .stream().map(jobControl::find).flatMap(Optional::stream).map(view -> Job.of(view, true, exits)).toList();
        List<Job> failed = jdbc.queryForList("select e.job_execution_id from batch_job_execution e"
                        + " where e.status = 'FAILED'" + LAST_OF_ITS_INSTANCE + " order by e.job_execution_id desc limit ?",
                        Long.class, PROBLEMS_SHOWN)
                .stream().map(jobControl::find).flatMap(Optional::stream).map(view -> Job.of(view, false, exits)).toList();
        return Stream.concat(stuck.stream(), failed.stream()).limit(PROBLEMS_SHOWN).toList();
    }

    /** How many failed or stuck executions there are in all. */
    long problemCount() {
        Long failed = jdbc.queryForObject("select count(*) from batch_job_execution e where e.status = 'FAILED'"
                + LAST_OF_ITS_INSTANCE, Long.class);
        Long stuck = jdbc.queryForObject("select count(*)" + STUCK, Long.class, stuckBefore());
        return failed + stuck;
    }

    /** Batch keeps local times of the server's zone: the cut-off is compared in that zone. */
    private LocalDateTime stuckBefore() {
        return LocalDateTime.ofInstant(clock.instant().minus(stuckAfter), ZoneId.systemDefault());
    }

    /** Files quarantined in the last 7 days, newest first. */
    List<QuarantinedFile> quarantinedThisWeek() {
        return jdbc.query("select id, file_name, coalesce(finished_at, ingested_at) at, reasons_key, reasons_args,"
                        + " reasons from source_file"
                        + " where status = 'QUARANTINED' and coalesce(finished_at, ingested_at) between ? and ?"
                        + " order by at desc, id desc limit ?",
                (rs, row) -> new QuarantinedFile(rs.getLong("id"), Sanitiser.fileName(rs.getString("file_name")),
                        rs.getObject("at", OffsetDateTime.class), ConsoleSentences.said(rs.getString("reasons_key"),
                                rs.getString("reasons_args"), rs.getString("reasons"))),
                since(), now(), QUARANTINED_SHOWN);
    }

    long quarantinedThisWeekCount() {
        return jdbc.queryForObject("select count(*) from source_file where status = 'QUARANTINED'"
                + " and coalesce(finished_at, ingested_at) between ? and ?", Long.class, since(), now());
    }

    private OffsetDateTime since() {
        return now().minus(QUARANTINE_WINDOW);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
