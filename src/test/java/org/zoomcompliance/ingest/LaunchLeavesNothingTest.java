package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.infrastructure.StaleExecutionRecovery;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.support.PipelineIntegrationTest;
import org.zoomcompliance.support.TestClocks;
import org.zoomcompliance.support.TestHomes;

/**
 * Every launch either starts an execution or leaves nothing: Spring Batch creates a job instance, validates, then
 * creates the execution, each in its own transaction, and an instance left without an execution used to block its
 * subject for good ("Cannot find any job execution for job instance").
 */
class LaunchLeavesNothingTest extends PipelineIntegrationTest {

    private static final String PROBE = "launchProbeJob";
    private static final int FILES = 40;

    @Autowired
    Ingestion ingestion;

    @Autowired
    JobRunner jobRunner;

    @Autowired
    InboxFiles inboxFiles;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    StaleExecutionRecovery recovery;

    @Autowired
    FileLocations locations;

    @Autowired
    IngestProgress progress;

    @Test
    void manyFilesLaunchedAtOnceEachGetAnExecutionAndAreAllIngested() throws Exception {
        // given 40 small files of distinct content, ingested eight at a time
        Path folder = Files.createDirectories(TestHomes.newHome().resolve("many"));
        for (int n = 0; n < FILES; n++) {
            participants(folder.resolve("participants_9300000%04d.csv".formatted(n)), "Launch " + n);
        }
        Ingestion eightAtATime = new Ingestion(jobRunner, jdbc, home, inboxFiles, locations, progress,
                TestClocks.afterSampleMonth(), 8, 10_000);

        // when
        IngestReport report = eightAtATime.ingest(List.of(folder));

        // then every file completed, and no instance is left without an execution
        assertThat(report.files()).hasSize(FILES).allSatisfy(file ->
                assertThat(file.status()).as(file.fileName() + ": " + file.reasonText()).isEqualTo(Status.COMPLETED));
        assertThat(instancesWithoutExecution()).isZero();
    }

    @Test
    void launchesOfManySubjectsAtTheSameInstantAllStartAnExecution() {
        // given 32 launches of distinct subjects released together
        JobRunner runner = runnerOf(probeJob(parameters -> { }));
        CyclicBarrier together = new CyclicBarrier(32);
        ExecutorService threads = Executors.newFixedThreadPool(32);
        List<CompletableFuture<JobExecution>> launches = new ArrayList<>();
        for (int n = 0; n < 32; n++) {
            String subject = "together-" + n;
            launches.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return runner.run(PROBE, subject(subject));
            }, threads));
        }
        threads.shutdown();

        // when they end, then each ran to completion and left no instance without an execution
        assertThat(launches.stream().map(CompletableFuture::join).map(JobExecution::getStatus))
                .containsOnly(BatchStatus.COMPLETED).hasSize(32);
        assertThat(instancesWithoutExecution()).isZero();
    }

    @Test
    void aValidatorThatThrowsOnceSpringBatchCreatedTheInstanceLeavesNothingAndTheNextLaunchRuns() {
        // given a validator that passes the runner's check, then throws when Spring Batch calls it (as when the
        // file is removed between the two)
        AtomicInteger calls = new AtomicInteger();
        JobRunner runner = runnerOf(probeJob(parameters -> {
            if (calls.incrementAndGet() == 2) {
                throw new InvalidJobParametersException("the file went away");
            }
        }));

        // when it is launched, then it is refused with the validator's reason and no instance remains
        assertThatThrownBy(() -> runner.run(PROBE, subject("validated")))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("the file went away");
        assertThat(jobRepository.getJobInstance(PROBE, subject("validated"))).isNull();
        assertThat(instancesWithoutExecution()).isZero();

        // and launching it again starts it
        assertThat(runner.run(PROBE, subject("validated")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void aFileRemovedBetweenListingAndLaunchIsRefusedWithoutAnInstanceAndIngestedOnceBack() throws IOException {
        // given a file listed (its SHA-256 taken), then removed before its job is launched
        Path file = participants(TestHomes.newHome().resolve("participants_93100000001.csv"), "Removed");
        String sha256 = Ingestion.sha256(file);
        byte[] content = Files.readAllBytes(file);
        Files.delete(file);
        JobParameters parameters = new JobParametersBuilder()
                .addString(IngestFileJobConfiguration.SHA256, sha256, true)
                .addString(IngestFileJobConfiguration.PATH, file.toString(), false)
                .toJobParameters();

        // when its launch is attempted, then it is refused and leaves no instance
        assertThatThrownBy(() -> jobRunner.run(IngestFileJobConfiguration.JOB_NAME, parameters))
                .isInstanceOf(JobRefusedException.class).hasMessageContaining("cannot read");
        assertThat(jobRepository.getJobInstance(IngestFileJobConfiguration.JOB_NAME, parameters)).isNull();

        // and once the file is back, the next run ingests it
        Files.write(file, content);
        FileOutcome outcome = ingestion.ingest(List.of(file)).files().get(0);
        assertThat(outcome.status()).isEqualTo(Status.COMPLETED);
        assertThat(outcome.rowsIngested()).isEqualTo(3);
    }

    @Test
    void anInstanceLeftWithoutAnExecutionByAnOlderVersionIsRemovedAtStartUpAndTheFileIngested() throws IOException {
        // given an instance an older version created for a file, without an execution
        Path file = participants(TestHomes.newHome().resolve("participants_93200000001.csv"), "Orphan");
        JobParameters parameters = new JobParametersBuilder()
                .addString(IngestFileJobConfiguration.SHA256, Ingestion.sha256(file), true)
                .toJobParameters();
        jobRepository.createJobInstance(IngestFileJobConfiguration.JOB_NAME, parameters);
        jobRepository.createJobInstance(PROBE, subject("leftover"));

        // when the application's start-up recovery runs
        recovery.recoverAfterCrash();

        // then no instance is left without an execution, and the file is ingested
        assertThat(instancesWithoutExecution()).isZero();
        FileOutcome outcome = ingestion.ingest(List.of(file)).files().get(0);
        assertThat(outcome.status()).isEqualTo(Status.COMPLETED);
    }

    @Test
    void anInstanceLeftWithoutAnExecutionIsRemovedByTheNextLaunchOfItsSubject() throws IOException {
        // given an instance left without an execution for a file (on an external server start-up leaves it)
        Path file = participants(TestHomes.newHome().resolve("participants_93300000001.csv"), "Next launch");
        jobRepository.createJobInstance(IngestFileJobConfiguration.JOB_NAME, new JobParametersBuilder()
                .addString(IngestFileJobConfiguration.SHA256, Ingestion.sha256(file), true).toJobParameters());

        // when the file is ingested, then it completes
        FileOutcome outcome = ingestion.ingest(List.of(file)).files().get(0);
        assertThat(outcome.status()).as(outcome.reasonText()).isEqualTo(Status.COMPLETED);
    }

    private int instancesWithoutExecution() {
        return jdbc.queryForObject("""
                select count(*) from batch_job_instance i
                where not exists (select 1 from batch_job_execution e where e.job_instance_id = i.job_instance_id)""",
                Integer.class);
    }

    /** A participants export without meeting data, three people. */
    private static Path participants(Path file, String who) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n"
                + who + " A,a@fixture.example,03/04/2024 09:00:00 AM,03/04/2024 10:00:00 AM,60,No\r\n"
                + who + " B,b@fixture.example,03/04/2024 09:01:00 AM,03/04/2024 10:00:00 AM,59,No\r\n"
                + who + " C,c@fixture.example,03/04/2024 09:02:00 AM,03/04/2024 10:00:00 AM,58,No\r\n",
                StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Check {
        void validate(JobParameters parameters) throws InvalidJobParametersException;
    }

    /** A job of one empty step whose parameters go through the given check. */
    private Job probeJob(Check check) {
        return new JobBuilder(PROBE, jobRepository)
                .validator(check::validate)
                .start(new StepBuilder(PROBE + "Step", jobRepository)
                        .tasklet((contribution, context) -> RepeatStatus.FINISHED, transactionManager).build())
                .build();
    }

    private JobRunner runnerOf(Job job) {
        return new JobRunner(jobOperator, jobRepository,
                new StaticListableBeanFactory(Map.of(PROBE, job)).getBeanProvider(Job.class));
    }

    private static JobParameters subject(String subject) {
        return new JobParametersBuilder().addString("subject", subject).toJobParameters();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
