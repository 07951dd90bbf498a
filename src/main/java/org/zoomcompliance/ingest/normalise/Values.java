package org.zoomcompliance.ingest.normalise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zoomcompliance.ingest.read.RejectedValueException;

/** Typed readings of export values: meeting IDs, whole numbers, durations, hosts, sizes, countries. */
final class Values {

    private static final Pattern NAME_AND_EMAIL = Pattern.compile("(.*\\S)\\s*\\(\\s*([^()\\s]+@[^()\\s]+)\\s*\\)");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]+");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");

    private Values() {
    }

    /** A meeting ID or PMI reduced to its digits ({@code 852 1848 6288}, {@code 000-000-000}). */
    static String digits(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }

    /** No value: absent, or {@code -} / {@code --} (not applicable; webinar reports write {@code --} for absentees). */
    static boolean notApplicable(String value) {
        return value == null || value.equals("-") || value.equals("--");
    }

    static Integer whole(String field, String value) {
        if (notApplicable(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", "").strip()).setScale(0, RoundingMode.HALF_UP).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new RejectedValueException("ingest.reason.not-whole-number", field);
        }
    }

    static BigDecimal decimal(String field, String value) {
        if (value == null || value.equals("-")) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", "").strip());
        } catch (NumberFormatException e) {
            throw new RejectedValueException("ingest.reason.not-number", field);
        }
    }

    /** {@code hh:mm:ss} as whole minutes, rounded the way Zoom rounds its minute columns (half up). */
    static Integer minutesOfClock(String field, String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.strip().split(":");
        try {
            long seconds = 0;
            for (String part : parts) {
                seconds = seconds * 60 + Long.parseLong(part);
            }
            return (int) ((seconds + 30) / 60);
        } catch (NumberFormatException e) {
            throw new RejectedValueException("ingest.reason.not-duration", field);
        }
    }

    /** A meeting's host as its name and e-mail: the 2024+ participants block writes {@code Name (email)}. */
    record Host(String name, String email) {
    }

    static Host host(String name, String email) {
        if (email == null && name != null) {
            Matcher named = NAME_AND_EMAIL.matcher(name);
            if (named.matches()) {
                return new Host(named.group(1), named.group(2).toLowerCase(Locale.ROOT));
            }
        }
        return new Host(name, email);
    }

    /**
     * The country of a location: {@code Bellevue (US )} gives {@code US}, {@code Lyon, France} gives {@code France};
     * the city is never kept, so a bare value is kept only when it is a two-letter country code ({@code Paris} alone
     * gives nothing).
     */
    static String country(String location) {
        if (location == null) {
            return null;
        }
        String value = location.strip();
        int open = value.lastIndexOf('(');
        if (value.endsWith(")") && open >= 0) {
            String code = value.substring(open + 1, value.length() - 1).strip();
            return code.isEmpty() ? null : code;
        }
        int comma = value.lastIndexOf(',');
        if (comma >= 0) {
            String country = value.substring(comma + 1).strip();
            return country.isEmpty() ? null : country;
        }
        return COUNTRY_CODE.matcher(value).matches() ? value.toUpperCase(java.util.Locale.ROOT) : null;
    }

    /** A display name that is a dial-in phone number. */
    static boolean isPhoneNumber(String name) {
        if (name.isEmpty() || Character.isLetter(name.charAt(0)) || !PHONE.matcher(name).matches()) {
            return false;
        }
        return name.replaceAll("[^0-9]", "").length() >= 6;
    }
}
