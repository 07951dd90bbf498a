package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.zoomcompliance.support.PipelineIntegrationTest;

/** The same job launched twice at once, as two clicks or the schedule and an operator would: one runs. */
class ConcurrentLaunchTest extends PipelineIntegrationTest {

    private static final String JOB = "concurrentLaunchProbeJob";

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void aSecondLaunchOfARunningSubjectIsRefusedWithAClearMessageAndTheFirstCompletes() throws Exception {
        // given a launch of month 2040-01 under way
        JobRunner runner = runner();
        CompletableFuture<JobExecution> first = CompletableFuture.supplyAsync(() -> runner.run(JOB, parameters("2040-01", 1)));
        entered.await();

        // when the same month is launched again, as a new run
        // then it is refused, naming the job and the month, while another month may start
        assertThatThrownBy(() -> runner.run(JOB, parameters("2040-01", 2)))
                .isInstanceOf(JobRefusedException.class)
                .hasMessageContaining(JOB).hasMessageContaining("2040-01").hasMessageContaining("already");
        release.countDown();
        assertThat(first.get().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(runner.run(JOB, parameters("2040-02", 3)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void twoLaunchesAtTheSameInstantRunOnce() throws Exception {
        // given two threads launching month 2040-03 at the same instant
        JobRunner runner = runner();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Object>> launches = new ArrayList<>();
        for (long run = 1; run <= 2; run++) {
            long thisRun = run;
            launches.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                    return runner.run(JOB, parameters("2040-03", thisRun));
                } catch (JobRefusedException refused) {
                    release.countDown();
                    return refused;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        // when both end (the one that runs waits until the other has been answered)
        List<Object> outcomes = launches.stream().map(CompletableFuture::join).toList();

        // then exactly one ran to completion and the other was refused
        assertThat(outcomes).filteredOn(JobRefusedException.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(JobExecution.class::isInstance).singleElement()
                .extracting(outcome -> ((JobExecution) outcome).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution e join batch_job_instance i"
                + " using (job_instance_id) join batch_job_execution_params p using (job_execution_id)"
                + " where i.job_name = ? and p.parameter_name = 'month' and p.parameter_value = '2040-03'",
                Integer.class, JOB)).isEqualTo(1);
    }

    /** A runner of one job whose step signals that it runs, then waits until the test releases it. */
    private JobRunner runner() {
        Job job = new JobBuilder(JOB, jobRepository)
                .start(new StepBuilder(JOB + "Step", jobRepository).tasklet((contribution, context) -> {
                    entered.countDown();
                    release.await();
                    return RepeatStatus.FINISHED;
                }, transactionManager).build())
                .build();
        return new JobRunner(jobOperator, jobRepository,
                new StaticListableBeanFactory(Map.of(JOB, job)).getBeanProvider(Job.class));
    }

    private static JobParameters parameters(String month, long run) {
        return new JobParametersBuilder().addString("month", month)
                .addLong(JobRunner.RUN_PARAMETER, System.nanoTime() + run).toJobParameters();
    }
}
