package org.zoomcompliance.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.support.StandInJobs;
import org.zoomcompliance.support.WebIntegrationTest;

/** Job control as {@code jobs ...} and the console use it: list, restart, stop, abandon, refusals, audit. */
class JobControlTest extends WebIntegrationTest {

    @Autowired
    JobControl jobControl;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    StandInJobs.Gate gate;

    private static JobRequest flaky(String key) {
        return new JobRequest(StandInJobs.FLAKY, new JobParametersBuilder().addString("key", key).toJobParameters());
    }

    @Test
    void aFailedExecutionIsRestartedToCompletionAndBothActionsAreAudited() {
        // given
        JobExecution failed = jobControl.run(flaky("control-restart"), "cli:restarter");
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        // when
        JobExecution restarted = jobControl.restart(failed.getId(), "cli:restarter");

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(jdbc.queryForList("select action from audit_event where actor = 'cli:restarter' order by id", String.class))
                .containsExactly("JOB_START", "JOB_RESTART");
        ExecutionView view = jobControl.find(restarted.getId()).orElseThrow();
        assertThat(view.readCount()).isEqualTo(1);
        assertThat(view.writeCount()).isEqualTo(1);
        assertThat(view.steps()).extracting(ExecutionView.StepView::name).containsExactly("standInFlakyStep");
        assertThat(jobControl.find(failed.getId()).orElseThrow().exitMessage()).contains("stand-in failure for control-restart");
    }

    @Test
    void onlyTheLastFailedOrStoppedExecutionCanBeRestarted() {
        // given
        JobExecution failed = jobControl.run(flaky("control-twice"), "cli:tester");
        JobExecution completed = jobControl.restart(failed.getId(), "cli:tester");

        // when / then
        assertThatThrownBy(() -> jobControl.restart(completed.getId(), "cli:tester"))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("only a failed or stopped execution");
        assertThatThrownBy(() -> jobControl.restart(failed.getId(), "cli:tester"))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("already restarted as execution " + completed.getId());
        assertThatThrownBy(() -> jobControl.restart(987654321L, "cli:tester"))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("no job execution 987654321");
    }

    @Test
    void aRunningJobIsRefusedAgainCanBeStoppedAndThenAbandoned() throws Exception {
        // given
        gate.close();
        JobRequest blocking = new JobRequest(StandInJobs.BLOCKING,
                new JobParametersBuilder().addString("key", "control-stop").toJobParameters());
        jobControl.runInBackground(blocking, "operator-stop");
        assertThat(gate.awaitEntered()).isTrue();
        long id = jobRepository.findRunningJobExecutions(StandInJobs.BLOCKING).iterator().next().getId();

        // when
        Throwable again = catchThrowable(() -> jobControl.runInBackground(blocking, "operator-stop"));
        Throwable abandonWhileRunning = catchThrowable(() -> jobControl.abandon(id, "operator-stop"));
        jobControl.stop(id, "operator-stop");
        gate.open();

        // then
        assertThat(again).isInstanceOf(JobRefusedException.class).hasMessageContaining("is already running (execution " + id);
        assertThat(abandonWhileRunning).isInstanceOf(JobRefusedException.class).hasMessageContaining("stop it first");
        await().atMost(Duration.ofSeconds(60)).until(() -> !jobRepository.getJobExecution(id).isRunning());
        assertThat(jobRepository.getJobExecution(id).getStatus()).isEqualTo(BatchStatus.STOPPED);
        jobControl.abandon(id, "operator-stop");
        assertThat(jobRepository.getJobExecution(id).getStatus()).isEqualTo(BatchStatus.ABANDONED);
        assertThatThrownBy(() -> jobControl.restart(id, "operator-stop")).isInstanceOf(JobRefusedException.class);
        assertThatThrownBy(() -> jobControl.stop(id, "operator-stop"))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("is not running");
        assertThat(jdbc.queryForList("select action from audit_event where actor = 'operator-stop' order by id", String.class))
                .containsExactly("JOB_START", "JOB_REFUSED", "JOB_REFUSED", "JOB_STOP", "JOB_ABANDON", "JOB_REFUSED",
                        "JOB_REFUSED");
    }

    @Test
    void aJobMissingFromThisBuildIsRefusedWithItsName() {
        // when / then
        assertThatThrownBy(() -> jobControl.runInBackground(new JobRequest("noSuchJob",
                new JobParametersBuilder().toJobParameters()), "operator-test"))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("'noSuchJob' is not available");
    }

    @Test
    void listsRecentExecutionsNewestFirst() {
        // given
        JobExecution older = jobControl.run(new JobRequest(StandInJobs.COMPLETING,
                new JobParametersBuilder().addString("key", "list-1").toJobParameters()), "cli:tester");
        JobExecution newer = jobControl.run(new JobRequest(StandInJobs.COMPLETING,
                new JobParametersBuilder().addString("key", "list-2").toJobParameters()), "cli:tester");

        // when
        List<ExecutionView> recent = jobControl.recent(2);

        // then
        assertThat(recent).extracting(ExecutionView::id).containsExactly(newer.getId(), older.getId());
        assertThat(recent.get(0).parameters()).isEqualTo("key=list-2");
        assertThat(recent.get(0).status()).isEqualTo(BatchStatus.COMPLETED);
    }
}
