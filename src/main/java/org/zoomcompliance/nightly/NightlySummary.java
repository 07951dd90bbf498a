package org.zoomcompliance.nightly;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.zoomcompliance.infrastructure.Messages;

/**
 * What a night set aside and what it could not do, read from its execution: the lines the {@code nightly} command
 * prints after the steps. Quarantined files are named with their reasons; they do not fail the night.
 */
public final class NightlySummary {

    private NightlySummary() {
    }

    private static final Messages ENGLISH = Messages.of(Messages.ENGLISH);

    /** The summary of a night in English, as the log gives it. */
    public static List<String> of(JobExecution night) {
        return of(night, ENGLISH);
    }

    /**
     * The summary of a night: quarantined files, files skipped, then what did not run; empty for a clean night. The
     * headings are in the language given; the entries (file names, reasons) are as the night recorded them.
     */
    public static List<String> of(JobExecution night, Messages messages) {
        ExecutionContext context = night.getExecutionContext();
        List<String> lines = new ArrayList<>();
        List<String> quarantined = entries(context, NightlyJobConfiguration.QUARANTINED);
        if (!quarantined.isEmpty()) {
            lines.add(messages.get("nightly.summary.quarantined", String.valueOf(quarantined.size())));
            quarantined.forEach(entry -> lines.add("  " + entry));
        }
        List<String> skipped = entries(context, NightlyJobConfiguration.SKIPPED);
        if (!skipped.isEmpty()) {
            lines.add(messages.get("nightly.summary.skipped", String.valueOf(skipped.size())));
            skipped.forEach(entry -> lines.add("  " + entry));
        }
        List<String> problems = problems(context);
        if (!problems.isEmpty()) {
            lines.add(messages.get("nightly.summary.did-not-run", String.valueOf(problems.size())));
            problems.forEach(problem -> lines.add("  " + problem));
        }
        return lines;
    }

    /** One file's entry: its name and why, on one line. */
    static String line(String fileName, String reason) {
        return oneLine(fileName) + ": " + oneLine(reason);
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\R", " ");
    }

    private static List<String> problems(ExecutionContext context) {
        List<String> problems = new ArrayList<>(entries(context, NightlyJobConfiguration.PULL_PROBLEMS));
        problems.addAll(entries(context, NightlyJobConfiguration.INGEST_PROBLEMS));
        problems.addAll(entries(context, NightlyJobConfiguration.EVALUATE_PROBLEMS));
        return problems;
    }

    private static List<String> entries(ExecutionContext context, String key) {
        String joined = context.getString(key, "");
        return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    /**
     * Ends a night whose steps all ran as FAILED when some of its work did not run (a file whose ingest failed, a
     * month not evaluated), and logs the summary either way.
     */
    static final class Verdict implements JobExecutionListener {

        private static final Logger log = LoggerFactory.getLogger(NightlySummary.class);

        @Override
        public void afterJob(JobExecution night) {
            List<String> problems = problems(night.getExecutionContext());
            if (night.getStatus() == BatchStatus.COMPLETED && !problems.isEmpty()) {
                night.setStatus(BatchStatus.FAILED);
                night.setExitStatus(ExitStatus.FAILED.addExitDescription(problems.size() + " part(s) of the night did"
                        + " not run (" + problems.get(0) + (problems.size() > 1 ? "; ..." : "") + "); run the night"
                        + " again once fixed"));
            }
            of(night).forEach(line -> log.info("nightly {}: {}", night.getJobParameters().getString(
                    NightlyJobConfiguration.DATE), line));
        }
    }
}
