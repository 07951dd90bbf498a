package org.zoomcompliance.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Small jobs standing in for the pipeline's in tests of job control, the console and the schedule: one that
 * completes, one that fails the first time for each {@code key}, one that waits at a {@link Gate}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StandInJobs {

    public static final String COMPLETING = "standInJob";
    public static final String FLAKY = "standInFlakyJob";
    public static final String BLOCKING = "standInBlockingJob";

    /** Lets a test hold the blocking job inside its step, and know when it got there. */
    public static final class Gate {
        private volatile CountDownLatch entered = new CountDownLatch(1);
        private volatile CountDownLatch opened = new CountDownLatch(1);

        /** Closes the gate for the next run. */
        public void close() {
            entered = new CountDownLatch(1);
            opened = new CountDownLatch(1);
        }

        public void open() {
            opened.countDown();
        }

        /** Waits until the blocking job has entered its step. */
        public boolean awaitEntered() throws InterruptedException {
            return entered.await(60, TimeUnit.SECONDS);
        }

        void pass() throws InterruptedException {
            entered.countDown();
            if (!opened.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        }
    }

    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    @Bean
    Gate standInGate() {
        return new Gate();
    }

    @Bean
    Job standInJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new JobBuilder(COMPLETING, jobRepository)
                .start(new StepBuilder("standInStep", jobRepository)
                        .tasklet((contribution, context) -> RepeatStatus.FINISHED, transactionManager).build())
                .build();
    }

    @Bean
    Job standInFlakyJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new JobBuilder(FLAKY, jobRepository)
                .start(new StepBuilder("standInFlakyStep", jobRepository)
                        .tasklet((contribution, context) -> {
                            String key = String.valueOf(context.getStepContext().getJobParameters().get("key"));
                            if (failedOnce.add(key)) {
                                throw new IllegalStateException("stand-in failure for " + key);
                            }
                            contribution.incrementReadCount();
                            contribution.incrementWriteCount(1);
                            return RepeatStatus.FINISHED;
                        }, transactionManager).build())
                .build();
    }

    @Bean
    Job standInBlockingJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, Gate gate) {
        return new JobBuilder(BLOCKING, jobRepository)
                .start(new StepBuilder("standInBlockingStep", jobRepository)
                        .tasklet((contribution, context) -> {
                            gate.pass();
                            return RepeatStatus.FINISHED;
                        }, transactionManager).build())
                .build();
    }
}
