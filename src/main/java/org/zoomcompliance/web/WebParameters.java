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
