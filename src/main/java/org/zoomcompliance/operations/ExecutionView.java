package org.zoomcompliance.operations;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.zoomcompliance.infrastructure.JobRunner;

/**
 * What an operator sees of one job execution: status, parameters, times, counts, exit message and steps, and the
 * execution that restarted it ({@code restartedAs}, null if none): a restarted execution is not restarted again.
 */
public record ExecutionView(
        long id,
        String jobName,
        BatchStatus status,
        String exitCode,
        String exitMessage,
        String parameters,
        LocalDateTime start,
        LocalDateTime end,
        long readCount,
        long writeCount,
        long skipCount,
        List<StepView> steps,
        Long restartedAs) {

    /** One step of an execution. */
    public record StepView(long id, String name, BatchStatus status, String exitCode, String exitMessage,
            LocalDateTime start, LocalDateTime end, long readCount, long writeCount, long filterCount, long skipCount,
            long commitCount, long rollbackCount) {

        static StepView of(StepExecution step) {
            return new StepView(step.getId(), step.getStepName(), step.getStatus(), step.getExitStatus().getExitCode(),
                    firstLine(step.getExitStatus().getExitDescription()), step.getStartTime(), step.getEndTime(),
                    step.getReadCount(), step.getWriteCount(), step.getFilterCount(), step.getSkipCount(),
                    step.getCommitCount(), step.getRollbackCount());
        }
    }

    static ExecutionView of(JobExecution execution, Long restartedAs) {
        List<StepView> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(StepView::of)
                .toList();
        return new ExecutionView(execution.getId(), execution.getJobInstance().getJobName(), execution.getStatus(),
                execution.getExitStatus().getExitCode(), exitMessage(execution),
                JobRequest.describe(execution.getJobParameters()), execution.getStartTime(), execution.getEndTime(),
                steps.stream().mapToLong(StepView::readCount).sum(),
                steps.stream().mapToLong(StepView::writeCount).sum(),
                steps.stream().mapToLong(StepView::skipCount).sum(),
                steps, restartedAs);
    }

    /** The first line of the exit description: the reason, without the stack trace Batch stores after it. */
    private static String exitMessage(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return "";
        }
        String description = execution.getExitStatus().getExitDescription();
        if (description == null || description.isBlank()) {
            return execution.getStatus().isRunning() ? "" : JobRunner.reason(execution);
        }
        return firstLine(description);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** Whether an operator may restart it: it failed or was stopped, and was not restarted yet. */
    public boolean restartable() {
        return (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) && restartedAs == null;
    }

    /** Whether an operator may ask it to stop. */
    public boolean stoppable() {
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED;
    }

    /** Whether an operator may abandon it (never to be restarted). */
    public boolean abandonable() {
        return restartable() || status == BatchStatus.STOPPING;
    }
}
