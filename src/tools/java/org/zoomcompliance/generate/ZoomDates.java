package org.zoomcompliance.generate;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The date shapes Zoom writes, formatted by hand: the generator writes millions of them and the JDK's
 * formatter would dominate its run time.
 */
final class ZoomDates {

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private ZoomDates() {
    }

    /** {@code 09/01/2020 09:03:16 AM}: the usual shape, even under a non-English portal. */
    static String usual(LocalDateTime time) {
        StringBuilder text = new StringBuilder(22);
        two(text, time.getMonthValue()).append('/');
        two(text, time.getDayOfMonth()).append('/').append(time.getYear()).append(' ');
        int hour = time.getHour() % 12;
        two(text, hour == 0 ? 12 : hour).append(':');
        two(text, time.getMinute()).append(':');
        two(text, time.getSecond()).append(time.getHour() < 12 ? " AM" : " PM");
        return text.toString();
    }

    /** {@code Jan 24, 2024 12:25:59}: the recordings export. */
    static String recording(LocalDateTime time) {
        StringBuilder text = new StringBuilder(20);
        text.append(MONTHS[time.getMonthValue() - 1]).append(' ');
        two(text, time.getDayOfMonth()).append(", ").append(time.getYear()).append(' ');
        two(text, time.getHour()).append(':');
        two(text, time.getMinute()).append(':');
        two(text, time.getSecond());
        return text.toString();
    }

    /** {@code Aug 01, 2017 04:53 PM}: the dashboard's meeting line. */
    static String dashboard(LocalDateTime time) {
        StringBuilder text = new StringBuilder(21);
        text.append(MONTHS[time.getMonthValue() - 1]).append(' ');
        two(text, time.getDayOfMonth()).append(", ").append(time.getYear()).append(' ');
        int hour = time.getHour() % 12;
        two(text, hour == 0 ? 12 : hour).append(':');
        two(text, time.getMinute()).append(time.getHour() < 12 ? " AM" : " PM");
        return text.toString();
    }

    /** {@code 2022-03-01T10:15:14Z}: REST API fields, in UTC. */
    static String api(LocalDateTime time, ZoneId zone) {
        LocalDateTime utc = time.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        StringBuilder text = new StringBuilder(20);
        text.append(utc.getYear()).append('-');
        two(text, utc.getMonthValue()).append('-');
        two(text, utc.getDayOfMonth()).append('T');
        two(text, utc.getHour()).append(':');
        two(text, utc.getMinute()).append(':');
        two(text, utc.getSecond()).append('Z');
        return text.toString();
    }

    /** {@code 01:02:03}: the dashboard's meeting duration. */
    static String clock(long seconds) {
        StringBuilder text = new StringBuilder(8);
        two(text, (int) (seconds / 3600)).append(':');
        two(text, (int) (seconds / 60 % 60)).append(':');
        two(text, (int) (seconds % 60));
        return text.toString();
    }

    private static StringBuilder two(StringBuilder text, int value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }
}
