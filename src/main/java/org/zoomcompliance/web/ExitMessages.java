package org.zoomcompliance.web;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/**
 * Exit messages as an operator reads them: Spring Batch and Java write an exception's class name ({@code
 * org.springframework.batch.core.job.JobInterruptedException}, {@code SQLException: ...}); the console shows what
 * happened instead, in the reader's language (keys exit.&lt;class&gt; of console.properties), and the message after the
 * class name when there is one. Messages are already free of addresses and e-mails (README, "Security: the console
 * and the audit trail").
 */
@Component
@ConditionalOnWebApplication
final class ExitMessages {

    /** The exception classes whose name is all an exit message says: each has a key exit.&lt;name&gt;. */
    private static final Set<String> MEANINGS = Set.of("JobInterruptedException", "UnexpectedJobExecutionException",
            "SQLException", "IOException", "UncheckedIOException", "OutOfMemoryError", "NullPointerException",
            "IllegalStateException");

    /** A class name, optionally qualified, at the start of a message, optionally followed by ": message". */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "^(?:[a-z_][a-z0-9_]*\\.)*([A-Z][A-Za-z0-9_$]*(?:Exception|Error))(?::\\s*(.*))?$", Pattern.DOTALL);

    /** Says a key in the request's language (LocaleContextHolder, set by the console's locale resolver). */
    private final MessageSourceAccessor say;

    ExitMessages(MessageSource messages) {
        this.say = new MessageSourceAccessor(messages);
    }

    /** What an exit message says, in words; empty for none. */
    String human(String message) {
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
        if (simpleName.equals("JobInterruptedException")) {
            return meaning(simpleName);
        }
        if (detail != null && !detail.isBlank()) {
            return human(detail);
        }
        return MEANINGS.contains(simpleName) ? meaning(simpleName) : words(simpleName);
    }

    /** What an execution without progress for a while should be told. */
    String stuck() {
        return say.getMessage("exit.stuck");
    }

    /** A file the job set aside, with why. */
    String quarantined(String reasons) {
        return say.getMessage("exit.quarantined", new Object[] {reasons});
    }

    private String meaning(String simpleName) {
        return say.getMessage("exit." + simpleName);
    }

    /** {@code SomethingWentWrongException} as "something went wrong". */
    private static String words(String simpleName) {
        String stem = simpleName.replaceAll("(Exception|Error)$", "");
        return stem.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
