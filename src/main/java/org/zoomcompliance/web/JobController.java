package org.zoomcompliance.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zoomcompliance.infrastructure.AlreadyCompletedException;
import org.zoomcompliance.infrastructure.HomeFolder;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.operations.ExecutionView;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobGuard;
import org.zoomcompliance.operations.JobRequest;

/**
 * The operators' pages: recent executions, one execution's steps, and forms to start a job, restart a failed
 * one, stop a running one or abandon one. Jobs run in the background; a refusal is shown at once.
 */
@Controller
@ConditionalOnWebApplication
class JobController {

    private static final int PAGE = 50;

    private final JobControl jobControl;
    private final HomeFolder home;
    private final JobGuard guard;

    JobController(JobControl jobControl, HomeFolder home, JobGuard guard) {
        this.jobControl = jobControl;
        this.home = home;
        this.guard = guard;
    }

    @GetMapping("/jobs")
    String jobs(Model model) {
        LocalDate today = guard.today();
        model.addAttribute("executions", jobControl.recent(PAGE));
        model.addAttribute("previousMonth", YearMonth.from(today).minusMonths(1));
        model.addAttribute("today", today);
        return "jobs";
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable String id, Model model) {
        ExecutionView execution = jobControl.find(WebParameters.id(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such execution"));
        model.addAttribute("execution", execution);
        return "job";
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
                flash.addFlashAttribute("message", e.getMessage() + ": nothing to do");
            } catch (JobRefusedException e) {
                flash.addFlashAttribute("error", e.getMessage());
            }
        }
        if (started > 0) {
            flash.addFlashAttribute("message", started == 1
                    ? requests.get(0).jobName() + " started: " + JobRequest.describe(requests.get(0).parameters())
                    : started + " " + requests.get(0).jobName() + " runs started");
        }
        return "redirect:/jobs";
    }

    @PostMapping("/jobs/{id}/restart")
    String restart(@PathVariable String id, Authentication user, RedirectAttributes flash) {
        long executionId = WebParameters.id(id);
        return control(() -> jobControl.restartInBackground(executionId, user.getName()),
                "execution " + executionId + " restarted", flash);
    }

    @PostMapping("/jobs/{id}/stop")
    String stop(@PathVariable String id, Authentication user, RedirectAttributes flash) {
        long executionId = WebParameters.id(id);
        control(() -> jobControl.stop(executionId, user.getName()), "execution " + executionId + " asked to stop", flash);
        return "redirect:/jobs/" + executionId;
    }

    @PostMapping("/jobs/{id}/abandon")
    String abandon(@PathVariable String id, Authentication user, RedirectAttributes flash) {
        long executionId = WebParameters.id(id);
        control(() -> jobControl.abandon(executionId, user.getName()), "execution " + executionId + " abandoned", flash);
        return "redirect:/jobs/" + executionId;
    }

    private static String control(Runnable action, String done, RedirectAttributes flash) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (JobRefusedException e) {
            flash.addFlashAttribute("error", e.getMessage());
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
            flash.addFlashAttribute("error", "the inbox is empty: nothing to ingest");
        } else {
            jobControl.ingestInboxInBackground(user.getName());
            flash.addFlashAttribute("message", "ingesting the " + waiting + " file(s) of the inbox");
        }
        return "redirect:/jobs";
    }
}
