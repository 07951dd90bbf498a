package org.zoomcompliance.web;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exit messages as an operator reads them: Spring Batch and Java write an exception's class name ({@code
 * org.springframework.batch.core.job.JobInterruptedException}, {@code SQLException: ...}); the console shows what
 * happened instead, and the message after the class name when there is one. Messages are already free of
 * addresses and e-mails (README, "Security: the console and the audit trail").
 */
final class ExitMessages {

    /** The exception classes whose name is all an exit message says, and what they mean. */
    private static final Map<String, String> MEANINGS = Map.of(
            "JobInterruptedException", "stopped by an operator or by a shutdown of the application; restart it to go on",
            "UnexpectedJobExecutionException", "the job ended unexpectedly; see the log",
            "SQLException", "a database error; see the log",
            "IOException", "a file could not be read or written; see the log",
            "UncheckedIOException", "a file could not be read or written; see the log",
            "OutOfMemoryError", "the server ran out of memory",
            "NullPointerException", "an internal error; see the log",
            "IllegalStateException", "an internal error; see the log");

    /** A class name, optionally qualified, at the start of a message, optionally followed by ": message". */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "^(?:[a-z_][a-z0-9_]*\\.)*([A-Z][A-Za-z0-9_$]*(?:Exception|Error))(?::\\s*(.*))?$", Pattern.DOTALL);

    private ExitMessages() {
    }

    /** What an exit message says, in words; empty for none. */
    static String human(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = message.strip();
        Matcher matcher = CLASS_NAME.matcher(text);
        if (!matcher.matches()) {
            return text;
        }
        String detail = matcher.group(2);
        String simpleName = matcher.group(1);
        if (MEANINGS.containsKey(simpleName) && simpleName.equals("JobInterruptedException")) {
            return MEANINGS.get(simpleName);
        }
        if (detail != null && !detail.isBlank()) {
            return human(detail);
        }
        return MEANINGS.getOrDefault(simpleName, words(simpleName));
    }

    /** {@code SomethingWentWrongException} as "something went wrong". */
    private static String words(String simpleName) {
        String stem = simpleName.replaceAll("(Exception|Error)$", "");
        return stem.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
