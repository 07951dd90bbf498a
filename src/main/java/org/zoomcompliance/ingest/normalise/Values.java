package org.zoomcompliance.ingest.normalise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Typed readings of export values: meeting IDs, whole numbers, durations, booleans, sizes, countries. */
final class Values {

    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("yes", true), Map.entry("y", true), Map.entry("ok", true), Map.entry("true", true),
            Map.entry("sì", true), Map.entry("si", true), Map.entry("oui", true), Map.entry("1", true),
            Map.entry("no", false), Map.entry("n", false), Map.entry("false", false), Map.entry("non", false),
            Map.entry("0", false));

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]+");

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

    static Integer whole(String field, String value) {
        if (value == null || value.equals("-")) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", "").strip()).setScale(0, RoundingMode.HALF_UP).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number in " + field);
        }
    }

    static BigDecimal decimal(String field, String value) {
        if (value == null || value.equals("-")) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", "").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in " + field);
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
            throw new IllegalArgumentException("not a hh:mm:ss duration in " + field);
        }
    }

    /** Yes/No, Y/empty, OK/empty, true/false, Sì, Oui; {@code -} (not applicable) and empty are unknown. */
    static Boolean bool(String field, String value) {
        if (value == null || value.equals("-")) {
            return null;
        }
        Boolean bool = BOOLEANS.get(value.strip().toLowerCase(Locale.ROOT));
        if (bool == null) {
            throw new IllegalArgumentException("not a yes/no value in " + field);
        }
        return bool;
    }

    /** The country of a location: {@code Bellevue (US )} gives {@code US}; the city is never kept. */
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
        return comma >= 0 ? value.substring(comma + 1).strip() : value;
    }

    /** A display name that is a dial-in phone number. */
    static boolean isPhoneNumber(String name) {
        if (name.isEmpty() || Character.isLetter(name.charAt(0)) || !PHONE.matcher(name).matches()) {
            return false;
        }
        return name.replaceAll("[^0-9]", "").length() >= 6;
    }
}
