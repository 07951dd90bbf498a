package org.zoomcompliance.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Strict checks of what the console accepts in paths, queries and forms: a forged value gets a plain 400 that
 * never repeats it.
 */
final class WebParameters {

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])");
    private static final Pattern RULE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern SEVERITY = Pattern.compile("HIGH|MEDIUM|LOW");
    private static final Pattern STATUS = Pattern.compile(DeviationFilter.OPEN + "|" + DeviationFilter.RESOLVED);
    /** Part of an e-mail address: letters, digits and . _ + - @ only (no wildcard of the database's own). */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._+@-]{1,254}");
    /** A Zoom meeting ID, digits, as Zoom shows it (spaces or dashes between groups allowed). */
    private static final Pattern MEETING_ID = Pattern.compile("[0-9][0-9 -]{0,24}");
    private static final Pattern PAGE = Pattern.compile("[1-9][0-9]{0,5}");
    private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z][A-Za-z0-9]{0,99}");
    private static final Pattern BATCH_STATUS = Pattern.compile("COMPLETED|STARTING|STARTED|STOPPING|STOPPED|FAILED|ABANDONED|UNKNOWN");

    private WebParameters() {
    }

    static long id(String value) {
        return Long.parseLong(require(value, ID, "id"));
    }

    static YearMonth month(String value) {
        return YearMonth.parse(require(value, MONTH, "month"));
    }

    static LocalDate date(String value) {
        try {
            return LocalDate.parse(require(value, DATE, "date"));
        } catch (DateTimeParseException e) {
            throw invalid("date");
        }
    }

    /** An optional filter: blank means none. */
    static String rule(String value) {
        return value == null || value.isEmpty() ? null : require(value, RULE, "rule");
    }

    static String severity(String value) {
        return value == null || value.isEmpty() ? null : require(value, SEVERITY, "severity");
    }

    /** {@code open}, {@code resolved}, or blank for both. */
    static String status(String value) {
        return blank(value) ? null : require(value, STATUS, "status");
    }

    /** Part of the host's e-mail, trimmed; blank for any host. */
    static String host(String value) {
        return blank(value) ? null : require(value.strip(), HOST, "host");
    }

    /** A meeting ID, its digits only; blank for any meeting. */
    static String meetingId(String value) {
        return blank(value) ? null : require(value.strip(), MEETING_ID, "meeting ID").replaceAll("[ -]", "");
    }

    /** A page number from 1; blank for the first. */
    static int page(String value) {
        return blank(value) ? 1 : Integer.parseInt(require(value, PAGE, "page"));
    }

    /** A job name filter; blank for every job. */
    static String jobName(String value) {
        return blank(value) ? null : require(value, JOB_NAME, "job");
    }

    /** A Spring Batch status filter; blank for any. */
    static String batchStatus(String value) {
        return blank(value) ? null : require(value, BATCH_STATUS, "status");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String require(String value, Pattern pattern, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(what);
        }
        return value;
    }

    private static ResponseStatusException invalid(String what) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, "invalid " + what);
    }
}
