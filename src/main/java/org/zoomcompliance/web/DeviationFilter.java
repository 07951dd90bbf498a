package org.zoomcompliance.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the DPO narrowed a month's deviations to: status (open or resolved, as {@code month.OpenDeviations} defines
 * them), rule, severity, part of the host's e-mail, meeting ID. Each is optional (null: all); values are checked by
 * {@link WebParameters} before they get here.
 */
record DeviationFilter(YearMonth month, String status, String rule, String severity, String host, String meetingId) {

    /** Status filter values. */
    static final String OPEN = "open";
    static final String RESOLVED = "resolved";

    /** The same filter on another month (the counts per rule ignore the other filters). */
    DeviationFilter monthOnly() {
        return new DeviationFilter(month, null, null, null, null, null);
    }

    /** The same filter, whatever the status: the open and resolved counts of what is shown. */
    DeviationFilter anyStatus() {
        return new DeviationFilter(month, null, rule, severity, host, meetingId);
    }

    /** The query string that gives this filter again (for the pages, the CSV export and the workbook's way back). */
    String query() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("month", month == null ? null : month.toString());
        values.put("status", status);
        values.put("rule", rule);
        values.put("severity", severity);
        values.put("host", host);
        values.put("meeting", meetingId);
        return values.entrySet().stream().filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
