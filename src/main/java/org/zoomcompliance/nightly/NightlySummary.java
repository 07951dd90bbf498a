package org.zoomcompliance.nightly;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.infrastructure.Sentence;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a night set aside and what it could not do, read from its execution: the lines the {@code nightly} command
 * prints after the steps. Quarantined files are named with their reasons; they do not fail the night.
 */
public final class NightlySummary {

    private NightlySummary() {
    }

    private static final Messages ENGLISH = Messages.of(Messages.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "file";

    /** The summary of a night in English, as the log gives it. */
    public static List<String> of(JobExecution night) {
        return of(night, ENGLISH);
    }

    /**
     * The summary of a night: quarantined files, files skipped, then what did not run; empty for a clean night. The
     * headings and the reasons are in the language given; the file names as the night recorded them.
     */
    public static List<String> of(JobExecution night, Messages messages) {
        ExecutionContext context = night.getExecutionContext();
        EvidenceText language = EvidenceText.of(messages.locale().getLanguage());
        List<String> lines = new ArrayList<>();
        List<String> quarantined = entries(context, NightlyJobConfiguration.QUARANTINED, language);
        if (!quarantined.isEmpty()) {
            lines.add(messages.get("nightly.summary.quarantined", String.valueOf(quarantined.size())));
            quarantined.forEach(entry -> lines.add("  " + entry));
        }
        List<String> skipped = entries(context, NightlyJobConfiguration.SKIPPED, language);
        if (!skipped.isEmpty()) {
            lines.add(messages.get("nightly.summary.skipped", String.valueOf(skipped.size())));
            skipped.forEach(entry -> lines.add("  " + entry));
        }
        List<String> problems = problems(context, language);
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

    /**
     * One file's entry whose reason is a key and arguments, kept so (one JSON object on one line) until the summary
     * is said in a language (docs/data-quality.md).
     */
    static String line(String fileName, Sentence reason) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put(FILE, oneLine(fileName));
        entry.put("key", reason == null ? null : reason.key());
        entry.put("args", reason == null ? null : reason.arguments());
        entry.put("text", reason == null ? null : reason.english());
        return JSON.writeValueAsString(entry);
    }

    /** An entry in a language: a file's name and its reason said; a plain entry as it was written. */
    private static String said(String entry, EvidenceText language) {
        if (!entry.startsWith("{\"" + FILE + "\"")) {
            return entry;
        }
        JsonNode read;
        try {
            read = JSON.readTree(entry);
        } catch (JacksonException e) {
            // a plain entry of a night recorded before reasons had keys, whose file name happens to start so
            return entry;
        }
        if (read == null || !read.isObject() || !read.has(FILE)) {
            return entry;
        }
        return read.get(FILE).asString() + ": " + oneLine(language.render(text(read, "key"), text(read, "args"),
                text(read, "text")));
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\R", " ");
    }

    private static List<String> problems(ExecutionContext context, EvidenceText language) {
        List<String> problems = new ArrayList<>(entries(context, NightlyJobConfiguration.PULL_PROBLEMS, language));
        problems.addAll(entries(context, NightlyJobConfiguration.INGEST_PROBLEMS, language));
        problems.addAll(entries(context, NightlyJobConfiguration.EVALUATE_PROBLEMS, language));
        return problems;
    }

    private static List<String> entries(ExecutionContext context, String key, EvidenceText language) {
        String joined = context.getString(key, "");
        return joined.isEmpty() ? List.of()
                : Stream.of(joined.split("\n")).map(entry -> said(entry, language)).toList();
    }

    /**
     * Ends a night whose steps all ran as FAILED when some of its work did not run (a file whose ingest failed, a
     * month not evaluated), and logs the summary either way.
     */
    static final class Verdict implements JobExecutionListener {

        private static final Logger log = LoggerFactory.getLogger(NightlySummary.class);

        @Override
        public void afterJob(JobExecution night) {
            List<String> problems = problems(night.getExecutionContext(), EvidenceText.english());
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
