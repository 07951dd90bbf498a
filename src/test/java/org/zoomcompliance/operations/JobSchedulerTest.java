package org.zoomcompliance.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.support.CronExpression;
import org.zoomcompliance.support.StandInJobs;
import org.zoomcompliance.support.WebIntegrationTest;

/**
 * The built-in schedule with a controllable clock: the nightly occurrence fires once, a monthly report missed while
 * the server was down is caught up exactly once, even by two instances, and a long outage is no backlog.
 */
class JobSchedulerTest extends WebIntegrationTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    JobControl jobControl;

    private JobScheduler scheduler(String name, String cron, ZonedDateTime now, Function<ZonedDateTime, JobRequest> request) {
        return new JobScheduler(List.of(new JobScheduler.Schedule(name, CronExpression.parse(cron), request)), PARIS,
                Clock.fixed(now.toInstant(), PARIS), jobControl, jdbc);
    }

    private static JobRequest standIn(String key) {
        return new JobRequest(StandInJobs.COMPLETING, new JobParametersBuilder().addString("key", key).toJobParameters());
    }

    private int executionsOf(String key) {
        return jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION_PARAMS where PARAMETER_NAME = 'key'"
                + " and PARAMETER_VALUE = ?", Integer.class, key);
    }

    @Test
    void theNightlyRunFiresAtItsTimeInTheInstitutionsZoneOnce() {
        // given
        ZonedDateTime justAfter = ZonedDateTime.of(2031, 5, 10, 2, 30, 20, 0, PARIS);
        Function<ZonedDateTime, JobRequest> nightly = occurrence -> standIn("nightly-" + occurrence.toLocalDate());

        // when
        List<JobScheduler.Run> first = scheduler("test-nightly", "0 30 2 * * *", justAfter, nightly).runDue();
        List<JobScheduler.Run> again = scheduler("test-nightly", "0 30 2 * * *", justAfter.plusSeconds(30), nightly).runDue();

        // then
        assertThat(first).singleElement().satisfies(run -> {
            assertThat(run.occurrence()).isEqualTo(ZonedDateTime.of(2031, 5, 10, 2, 30, 0, 0, PARIS));
            assertThat(run.outcome()).isEqualTo("COMPLETED");
        });
        assertThat(again).isEmpty();
        assertThat(executionsOf("nightly-2031-05-10")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select outcome from scheduled_run where schedule_name = 'test-nightly'", String.class))
                .isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'scheduler' and target = ?",
                Integer.class, StandInJobs.COMPLETING)).isPositive();
    }

    @Test
    void aMonthlyReportMissedWhileDownIsCaughtUpExactlyOnceEvenByTwoInstances() {
        // given the server was down on the 1st at 06:00 and starts on the 3rd
        ZonedDateTime restart = ZonedDateTime.of(2031, 7, 3, 10, 0, 0, 0, PARIS);
        Function<ZonedDateTime, JobRequest> monthly = occurrence ->
                standIn("report-" + YearMonth.from(occurrence).minusMonths(1));

        // when
        List<JobScheduler.Run> atStart = scheduler("test-monthly", "0 0 6 1 * *", restart, monthly).runDue();
        List<JobScheduler.Run> otherInstance = scheduler("test-monthly", "0 0 6 1 * *", restart, monthly).runDue();
        List<JobScheduler.Run> laterThatMonth = scheduler("test-monthly", "0 0 6 1 * *", restart.plusDays(20), monthly).runDue();

        // then
        assertThat(atStart).singleElement().satisfies(run -> {
            assertThat(run.occurrence()).isEqualTo(ZonedDateTime.of(2031, 7, 1, 6, 0, 0, 0, PARIS));
            assertThat(run.outcome()).isEqualTo("COMPLETED");
        });
        assertThat(otherInstance).isEmpty();
        assertThat(laterThatMonth).isEmpty();
        assertThat(executionsOf("report-2031-06")).isEqualTo(1);
    }

    @Test
    void aLongOutageCatchesUpTheLatestNightlyOnlyNotABacklog() {
        // given
        ZonedDateTime afterFourNights = ZonedDateTime.of(2031, 8, 14, 9, 0, 0, 0, PARIS);

        // when
        List<JobScheduler.Run> runs = scheduler("test-outage", "0 30 2 * * *", afterFourNights,
                occurrence -> standIn("outage-" + occurrence.toLocalDate())).runDue();

        // then
        assertThat(runs).extracting(run -> run.occurrence().toLocalDate()).containsExactly(afterFourNights.toLocalDate());
        assertThat(executionsOf("outage-2031-08-13")).isZero();
    }

    @Test
    void aRefusedLaunchIsRecordedAndNotRetried() {
        // given
        ZonedDateTime now = ZonedDateTime.of(2031, 9, 2, 3, 0, 0, 0, PARIS);
        Function<ZonedDateTime, JobRequest> missing = occurrence ->
                new JobRequest("noSuchScheduledJob", new JobParametersBuilder().toJobParameters());

        // when
        List<JobScheduler.Run> runs = scheduler("test-refused", "0 30 2 * * *", now, missing).runDue();
        List<JobScheduler.Run> again = scheduler("test-refused", "0 30 2 * * *", now, missing).runDue();

        // then
        assertThat(runs).singleElement().satisfies(run -> assertThat(run.outcome()).startsWith("REFUSED: ")
                .contains("noSuchScheduledJob"));
        assertThat(again).isEmpty();
    }
}
