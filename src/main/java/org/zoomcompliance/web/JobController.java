package org.zoomcompliance.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zoomcompliance.config.PipelineSettings;
import org.zoomcompliance.infrastructure.AlreadyCompletedException;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.operations.ExecutionView;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobGuard;
import org.zoomcompliance.operations.JobRequest;

/**
 * The operators' pages: runs a page at a time ({@link JobHistory}), one execution's steps (a nightly's jobs and
 * summary), and forms to start a job, restart a failed
 * one, stop a running one or abandon one. Jobs run in the background; a refusal is shown at once. While something
 * runs, the pages refresh its status and counts by themselves from {@code /jobs/progress} (a script of the
 * console's own origin, as its Content-Security-Policy allows), every {@code zoom-compliance.console.refresh-interval}
 * (2 s), and load again once it has ended.
 */
@Controller
@ConditionalOnWebApplication
class JobController {

    /** Executions one progress request may ask about. */
    private static final int PROGRESS_LIMIT = 50;

    private final JobControl jobControl;
    private final HomeFolder home;
    private final JobGuard guard;
    private final Duration refreshInterval;
    private final JobHistory history;
    /** Says the flash messages in the request's language (console.properties, jobs.flash.*). */
    private final MessageSourceAccessor say;

    JobController(JobControl jobControl, HomeFolder home, JobGuard guard, JobHistory history,
            PipelineSettings settings, MessageSource messages) {
        this.say = new MessageSourceAccessor(messages);
        this.jobControl = jobControl;
        this.history = history;
        this.home = home;
        this.guard = guard;
        this.refreshInterval = settings.console().refreshInterval();
    }

    /**
     * What the pages refresh of an execution while it runs: the status's code, and its label in the page's language
     * (what the cell shows).
     */
    record Progress(long id, String status, String label, boolean running, long readCount, long writeCount,
            long skipCount, List<StepProgress> steps) {

        static Progress of(ExecutionView execution, MessageSourceAccessor say) {
            return new Progress(execution.id(), execution.status().name(), label(execution.status().name(), say),
                    execution.status().isRunning(), execution.readCount(), execution.writeCount(),
                    execution.skipCount(), execution.steps().stream().map(step -> new StepProgress(step.id(),
                            step.status().name(), label(step.status().name(), say), step.readCount(),
                            step.writeCount(), step.skipCount())).toList());
        }

        private static String label(String status, MessageSourceAccessor say) {
            return say.getMessage("status." + status, status);
        }
    }

    /** What the pages refresh of one step. */
    record StepProgress(long id, String status, String label, long readCount, long writeCount, long skipCount) {
    }

    /** Runs, newest first, a page at a time, by job and status ({@link JobHistory}). */
    @GetMapping("/jobs")
    String jobs(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
            @RequestParam(required = false) String page, Model model) {
        LocalDate today = guard.today();
        String jobName = WebParameters.jobName(job);
        String statusFilter = WebParameters.batchStatus(status);
        JobHistory.Page runs = history.page(jobName, statusFilter, WebParameters.page(page));
        model.addAttribute("runs", runs);
        model.addAttribute("jobNames", history.jobNames());
        model.addAttribute("statuses", List.of("STARTED", "COMPLETED", "FAILED", "STOPPED", "ABANDONED"));
        model.addAttribute("job", jobName);
        model.addAttribute("status", statusFilter);
        model.addAttribute("query", (jobName == null ? "" : "job=" + jobName + "&")
                + (statusFilter == null ? "" : "status=" + statusFilter + "&"));
        model.addAttribute("refreshing", runs.runs().stream().anyMatch(JobHistory.Run::running));
        model.addAttribute("refreshMillis", refreshInterval.toMillis());
        model.addAttribute("previousMonth", YearMonth.from(today).minusMonths(1));
        model.addAttribute("today", today);
        return "jobs";
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable String id, Model model) {
        JobHistory.Run run = history.run(WebParameters.id(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such execution"));
        ExecutionView execution = run.execution();
        model.addAttribute("execution", execution);
        model.addAttribute("run", run);
        model.addAttribute("refreshing", run.running());
        model.addAttribute("refreshMillis", refreshInterval.toMillis());
        return "job";
    }

    /** The status and counts of the executions named ({@code ids=1,2}, at most a page of them), with their steps. */
    @GetMapping(value = "/jobs/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Progress> progress(@RequestParam String ids) {
        List<String> asked = List.of(ids.split(",", -1));
        if (asked.size() > PROGRESS_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "too many executions");
        }
        return asked.stream().map(WebParameters::id).distinct().map(jobControl::find).flatMap(Optional::stream)
                .map(execution -> Progress.of(execution, say)).toList();
    }

    @PostMapping("/jobs/start")
    String start(@RequestParam String job, @RequestParam(required = false) String month,
            @RequestParam(required = false) String date, Authentication user, RedirectAttributes flash) throws IOException {
        if (job.equals("ingest")) {
            return ingestInbox(user, flash);
        }
        List<JobRequest> requests = switch (job) {
            case "evaluate" -> List.of(JobRequest.evaluate(WebParameters.month(month)));
            case "report" -> List.of(JobRequest.report(WebParameters.month(month)));
            case "retention" -> List.of(JobRequest.retention(WebParameters.date(date)));
            case "nightly" -> List.of(JobRequest.nightly(WebParameters.date(date)));
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "invalid job");
        };
        int started = 0;
        for (JobRequest request : requests) {
            try {
                jobControl.runInBackground(request, user.getName());
                started++;
            } catch (AlreadyCompletedException e) {
                flash.addFlashAttribute("message", say.getMessage("jobs.flash.nothing-to-do", new Object[] {said(e)}));
            } catch (JobRefusedException e) {
                flash.addFlashAttribute("error", said(e));
            }
        }
        if (started > 0) {
            flash.addFlashAttribute("message", started == 1
                    ? say.getMessage("jobs.flash.started", new Object[] {requests.get(0).jobName(),
                            JobRequest.describe(requests.get(0).parameters())})
                    : say.getMessage("jobs.flash.started-many", new Object[] {started, requests.get(0).jobName()}));
        }
        return "redirect:/jobs";
    }

    @PostMapping("/jobs/{id}/restart")
    String restart(@PathVariable String id, Authentication user, RedirectAttributes flash) {
        long executionId = WebParameters.id(id);
        return control(() -> jobControl.restartInBackground(executionId, user.getName()),
                say.getMessage("jobs.flash.restarted", new Object[] {String.valueOf(executionId)}), flash);
    }

    @PostMapping("/jobs/{id}/stop")
    String stop(@PathVariable String id, Authentication user, RedirectAttributes flash) {
        long executionId = WebParameters.id(id);
        control(() -> jobControl.stop(executionId, user.getName()), say.getMessage("jobs.flash.stopping", new Object[] {String.valueOf(executionId)}),
                flash);
        return "redirect:/jobs/" + executionId;
    }

    @PostMapping("/jobs/{id}/abandon")
    String abandon(@PathVariable String id, Authentication user, RedirectAttributes flash) {
        long executionId = WebParameters.id(id);
        control(() -> jobControl.abandon(executionId, user.getName()), say.getMessage("jobs.flash.abandoned", new Object[] {String.valueOf(executionId)}),
                flash);
        return "redirect:/jobs/" + executionId;
    }

    /** A refusal in the reader's language (the console's locale: en or fr). */
    private static String said(JobRefusedException refusal) {
        return refusal.in(ConsoleSentences.language());
    }

    private static String control(Runnable action, String done, RedirectAttributes flash) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (JobRefusedException e) {
            flash.addFlashAttribute("error", said(e));
        }
        return "redirect:/jobs";
    }

    /** Ingests the exports waiting in the inbox, as the nightly run does. */
    private String ingestInbox(Authentication user, RedirectAttributes flash) throws IOException {
        long waiting;
        try (Stream<Path> files = Files.list(home.inbox())) {
            waiting = files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith(".")).count();
        }
        if (waiting == 0) {
            flash.addFlashAttribute("error", say.getMessage("jobs.flash.inbox-empty"));
        } else {
            jobControl.ingestInboxInBackground(user.getName());
            flash.addFlashAttribute("message", say.getMessage("jobs.flash.ingesting", new Object[] {waiting}));
        }
        return "redirect:/jobs";
    }
}
