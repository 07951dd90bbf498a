package org.zoomcompliance.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.infrastructure.JobRunner;

/**
 * The built-in schedule of {@code serve}: runs the latest due occurrence of each schedule that no instance has run
 * yet. Called at start (a run missed while the server was down is caught up, once) and then periodically.
 *
 * <p>An occurrence is claimed by inserting it into {@code scheduled_run} before launching: its primary key lets
 * one instance only run it, however many share the database. Only the latest occurrence within
 * {@link #CATCH_UP} is considered, so a long outage yields one catch-up run, not a backlog.
 */
public class JobScheduler {

    /** How far back a missed occurrence is still caught up. */
    public static final Duration CATCH_UP = Duration.ofDays(35);

    /** The actor written to the audit trail for scheduled runs. */
    public static final String ACTOR = "scheduler";

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    /** A named cron schedule and the job request of an occurrence. */
    public record Schedule(String name, CronExpression cron, Function<ZonedDateTime, JobRequest> request) {
    }

    /** An occurrence this instance ran, and how it went (execution status, or why it was refused). */
    public record Run(String schedule, ZonedDateTime occurrence, Long executionId, String outcome) {
    }

    private final List<Schedule> schedules;
    private final ZoneId zone;
    private final Clock clock;
    private final JobControl jobControl;
    private final JdbcTemplate jdbc;
    private final String instance;

    public JobScheduler(List<Schedule> schedules, ZoneId zone, Clock clock, JobControl jobControl, JdbcTemplate jdbc) {
        this.schedules = List.copyOf(schedules);
        this.zone = zone;
        this.clock = clock;
        this.jobControl = jobControl;
        this.jdbc = jdbc;
        this.instance = System.getenv().getOrDefault("HOSTNAME", "localhost") + "/" + ProcessHandle.current().pid();
    }

    /** Runs, one after the other and to their end, the due occurrences no instance has claimed; returns them. */
    public List<Run> runDue() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        List<Run> runs = new ArrayList<>();
        for (Schedule schedule : schedules) {
            ZonedDateTime due = latestOccurrence(schedule.cron(), now);
            if (due != null && claim(schedule.name(), due)) {
                runs.add(run(schedule, due));
            }
        }
        return runs;
    }

    /** The latest time of the cron at or before {@code now}, within the catch-up window; null if none. */
    static ZonedDateTime latestOccurrence(CronExpression cron, ZonedDateTime now) {
        ZonedDateTime latest = null;
        for (ZonedDateTime next = cron.next(now.minus(CATCH_UP)); next != null && !next.isAfter(now); next = cron.next(next)) {
            latest = next;
        }
        return latest;
    }

    private boolean claim(String schedule, ZonedDateTime occurrence) {
        return jdbc.update("insert into scheduled_run (schedule_name, occurrence, claimed_by) values (?, ?, ?)"
                + " on conflict do nothing", schedule, Timestamp.from(occurrence.toInstant()), instance) == 1;
    }

    private Run run(Schedule schedule, ZonedDateTime occurrence) {
        Long executionId = null;
        String outcome;
        try {
            JobExecution execution = jobControl.run(schedule.request().apply(occurrence), ACTOR);
            executionId = execution.getId();
            outcome = execution.getStatus().name();
            log.info("scheduled {} of {} ended {} (execution {})", schedule.name(), occurrence, outcome, executionId);
        } catch (JobRefusedException e) {
            outcome = "REFUSED: " + e.getMessage();
            log.warn("scheduled {} of {} refused: {}", schedule.name(), occurrence, e.getMessage());
        } catch (RuntimeException e) {
            outcome = "ERROR: " + JobRunner.rootMessage(e);
            log.error("scheduled {} of {} could not run", schedule.name(), occurrence, e);
        }
        jdbc.update("update scheduled_run set job_execution_id = ?, outcome = ? where schedule_name = ? and occurrence = ?",
                executionId, outcome, schedule.name(), Timestamp.from(occurrence.toInstant()));
        return new Run(schedule.name(), occurrence, executionId, outcome);
    }
}
