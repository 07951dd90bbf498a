package org.zoomcompliance.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zoomcompliance.infrastructure.Messages;

/**
 * The Data quality sheet's reasons in the workbook's language. Ingest records why a file or a row was set aside in
 * English (source_file.reasons, quarantined_row.reason), the language of the logs; the shapes it is known to write
 * are matched here and said again through report.data-quality.reason.* keys, their field names and counts kept. A
 * reason of another shape (a database's refusal, an unexpected failure) stays as it was recorded.
 */
final class RejectionReasons {

    /** A recorded shape and the key that says it; the key's {0}, {1} are the shape's groups. */
    private record Shape(Pattern english, String key) {
    }

    // Most specific first: "empty file" and "empty participant name" before "empty <field>".
    private static final List<Shape> SHAPES = List.of(
            shape("\\bnothing could be ingested, every row was rejected: ", "nothing-ingested-rejected"),
            shape("\\bnothing could be ingested", "nothing-ingested"),
            shape("\\bempty file: no header and no rows", "empty-file"),
            shape("\\bunknown kind: ", "unknown-kind"),
            shape("\\bnot valid text: the file must be UTF-8 \\(with or without a byte-order mark\\) or UTF-16 with a"
                    + " byte-order mark, and holds invalid bytes", "not-valid-text"),
            shape("\\bunknown value in (\\w+), row kept as unknown", "unknown-value"),
            shape("\\bempty participant name", "empty-participant-name"),
            shape("\\bno meeting ID: no meeting block and none in the file name", "no-meeting-id-block"),
            shape("\\bno meeting ID", "no-meeting-id"),
            shape("\\bno meeting start time", "no-meeting-start"),
            shape("\\bunparseable date in (\\w+)", "unparseable-date"),
            shape("\\btime without a date in (\\w+)", "time-without-date"),
            shape("\\bnot a whole number in (\\w+)", "not-whole-number"),
            shape("\\bnot a number in (\\w+)", "not-number"),
            shape("\\bnot a hh:mm:ss duration in (\\w+)", "not-duration"),
            shape("\\bempty (\\w+)", "empty-field"),
            shape("\\): lines ", "lines"),
            shape("\\): line ", "line"));

    private final Messages messages;
    private final boolean english;

    RejectionReasons(Messages messages) {
        this.messages = messages;
        this.english = messages.english();
    }

    /** The reasons text in the workbook's language; English is how it was recorded, so it is returned as is. */
    String of(String recorded) {
        if (recorded == null || english) {
            return recorded;
        }
        String text = recorded;
        for (Shape shape : SHAPES) {
            Matcher matcher = shape.english().matcher(text);
            StringBuilder said = new StringBuilder();
            while (matcher.find()) {
                Object[] groups = new Object[matcher.groupCount()];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = matcher.group(i + 1);
                }
                matcher.appendReplacement(said, Matcher.quoteReplacement(
                        messages.get("report.data-quality.reason." + shape.key(), groups)));
            }
            matcher.appendTail(said);
            text = said.toString();
        }
        return text;
    }

    private static Shape shape(String english, String key) {
        return new Shape(Pattern.compile(english), key);
    }
}
