package org.zoomcompliance.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.support.MessageSourceAccessor;
import org.zoomcompliance.report.SafeText;

/**
 * The deviations a DPO filtered, as CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel reads accents):
 * every cell is cleaned as the workbook cleans it, and a cell a spreadsheet would take for a formula (starting with
 * = + - @, a tab or a line break) is written with a leading apostrophe, so opening the file runs nothing
 * (OWASP, "CSV Injection").
 */
final class DeviationCsv {

    private static final String BOM = "\uFEFF";

    private DeviationCsv() {
    }

    /** The header's keys in console.properties, in column order; the time column names its zone. */
    private static final List<String> HEADER = List.of("deviations.month", "deviations.rule", "deviations.severity",
            "deviations.status", "deviations.csv.occurred", "deviations.meeting-id", "deviations.topic", "deviations.host",
            "deviations.profile", "deviations.evidence");

    /** The rows with a header in the reader's language ({@code say}); cells are as the page shows them. */
    static byte[] of(List<ReportCatalogue.Deviation> deviations, String month, ConsoleTimes times,
            MessageSourceAccessor say) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, HEADER.stream().map(key -> say.getMessage(key, new Object[] {times.zone()})));
        for (ReportCatalogue.Deviation d : deviations) {
            line(csv, Stream.of(month, d.rule(), d.severity(), d.status(), times.minutes(d.occurred()), d.meetingId(),
                    d.topic(), d.host(), d.profile(), d.evidence()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, Stream<String> cells) {
        csv.append(cells.map(DeviationCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** One cell: cleaned, defused if it looks like a formula, quoted. */
    static String cell(String raw) {
        String text = raw == null ? "" : SafeText.clean(raw);
        if (SafeText.looksLikeFormula(text)) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
