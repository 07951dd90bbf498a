package org.zoomcompliance.ingest.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zoomcompliance.infrastructure.DataFile;

/**
 * The date and time shapes Zoom exports use, loaded from {@code date-shapes.csv}, and the parsing of a value in
 * one of them. Day and month order of {@code 03/04/2026} is a property of the file, found by {@link #evidence}.
 */
public final class DateShapes {

    /** Where the shape table lives on the class path. */
    public static final String RESOURCE = "/org/zoomcompliance/ingest/date-shapes.csv";

    /** Order of the two leading numbers of a slashed date. */
    public enum Order { MONTH_FIRST, DAY_FIRST }

    /** A parsed value: a date (absent for a time-only value), a time (absent for a date), an explicit offset. */
    public record Moment(LocalDate date, LocalTime time, ZoneOffset offset) {

        public boolean timeOnly() {
            return date == null;
        }

        /** The instant, reading a wall-clock value in the given zone. */
        public Instant instant(ZoneId zone) {
            LocalDateTime local = LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time);
            return offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant();
        }
    }

    /** What a regex group of a shape holds, as named in the table's {@code groups} column. */
    private enum Group {
        YEAR, MONTH, DAY, MON, P1, P2, HOUR, MINUTE, SECOND, AMPM, OFFSET;

        static Group named(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("date-shapes.csv names an unknown group: " + name, e);
            }
        }
    }

    private record Shape(String name, Pattern pattern, Group[] groups, boolean ordered) {
        Shape(String name, Pattern pattern, List<Group> groups) {
            this(name, pattern, groups.toArray(Group[]::new), groups.contains(Group.P1));
        }
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private final List<Shape> shapes;
    /** The shape that matched last, per thread (the bean is shared by concurrent jobs). */
    private final ThreadLocal<Shape> lastMatched = new ThreadLocal<>();

    private DateShapes(List<Shape> shapes) {
        this.shapes = shapes;
    }

    public static DateShapes load() {
        return new DateShapes(DataFile.rows(DateShapes.class, RESOURCE).stream()
                .map(row -> new Shape(row.get(0), Pattern.compile(row.get(1)),
                        Arrays.stream(row.get(2).split(";")).map(Group::named).toList()))
                .toList());
    }

    /**
     * What a value says about the file's day/month order: an order when the value is a valid date in that order
     * only ({@code 20/10/2026}), empty when it fits both, neither, or has no such ambiguity.
     */
    public Optional<Order> evidence(String value) {
        Match match = match(value.strip());
        if (match == null || !match.shape().ordered()) {
            return Optional.empty();
        }
        boolean monthFirst = build(match, Order.MONTH_FIRST) != null;
        boolean dayFirst = build(match, Order.DAY_FIRST) != null;
        if (monthFirst != dayFirst) {
            return Optional.of(monthFirst ? Order.MONTH_FIRST : Order.DAY_FIRST);
        }
        return Optional.empty();
    }

    /** Parses a value in any known shape; throws {@link IllegalArgumentException} naming no content otherwise. */
    public Moment parse(String value, Order order) {
        Match match = match(value.strip());
        if (match == null) {
            throw new RejectedValueException("ingest.reason.unrecognised-date-shape");
        }
        Moment moment = build(match, order);
        if (moment == null) {
            throw new RejectedValueException("ingest.reason.impossible-date", match.shape().name());
        }
        return moment;
    }

    private record Match(Shape shape, Matcher matcher, String text) {
    }

    /**
     * The shape a whole value matches, trying the last matched shape first (a file uses one shape per column).
     * Shapes are anchored and never match the same value, so the order changes speed, never the result.
     */
    private Match match(String text) {
        Shape last = lastMatched.get();
        if (last != null) {
            Matcher matcher = last.pattern().matcher(text);
            if (matcher.matches()) {
                return new Match(last, matcher, text);
            }
        }
        for (Shape shape : shapes) {
            if (shape == last) {
                continue;
            }
            Matcher matcher = shape.pattern().matcher(text);
            if (matcher.matches()) {
                lastMatched.set(shape);
                return new Match(shape, matcher, text);
            }
        }
        return null;
    }

    /**
     * The moment a matched value stands for in the given order, or {@code null} when it is impossible (a 13th
     * month, a 31st of April, a 13 PM): checked by hand, since most values in the wrong order are impossible and
     * the survey asks about every date of a file.
     */
    private static Moment build(Match match, Order order) {
        Matcher matcher = match.matcher();
        String text = match.text();
        int year = -1;
        int month = -1;
        int day = -1;
        int p1 = -1;
        int p2 = -1;
        int hour = -1;
        int minute = 0;
        int second = 0;
        boolean pm = false;
        boolean ampm = false;
        ZoneOffset offset = null;
        Group[] groups = match.shape().groups();
        for (int i = 0; i < groups.length; i++) {
            int start = matcher.start(i + 1);
            if (start < 0) {
                continue;
            }
            int end = matcher.end(i + 1);
            switch (groups[i]) {
                case YEAR -> {
                    year = number(text, start, end);
                    if (end - start == 2) {
                        year += 2000;
                    }
                }
                case MONTH -> month = number(text, start, end);
                case DAY -> day = number(text, start, end);
                case MON -> month = monthOf(matcher.group(i + 1));
                case P1 -> p1 = number(text, start, end);
                case P2 -> p2 = number(text, start, end);
                case HOUR -> hour = number(text, start, end);
                case MINUTE -> minute = number(text, start, end);
                case SECOND -> second = number(text, start, end);
                case AMPM -> {
                    ampm = true;
                    pm = Character.toUpperCase(matcher.group(i + 1).charAt(0)) == 'P';
                }
                case OFFSET -> {
                    String group = matcher.group(i + 1);
                    try {
                        offset = ZoneOffset.of(group.equals("Z") ? "Z" : normaliseOffset(group));
                    } catch (DateTimeException e) {
                        return null;
                    }
                }
            }
        }
        if (p1 >= 0) {
            month = order == Order.DAY_FIRST ? p2 : p1;
            day = order == Order.DAY_FIRST ? p1 : p2;
        }
        LocalTime time = null;
        if (hour >= 0) {
            if (ampm) {
                if (hour < 1 || hour > 12) {
                    return null;
                }
                hour = hour % 12 + (pm ? 12 : 0);
            }
            if (hour > 23 || minute > 59 || second > 59) {
                return null;
            }
            time = LocalTime.of(hour, minute, second);
        }
        LocalDate date = null;
        if (year >= 0) {
            if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
                return null;
            }
            date = LocalDate.of(year, month, day);
        }
        return new Moment(date, time, offset);
    }

    /** The decimal number a group holds (shapes give groups of ASCII digits only). */
    private static int number(CharSequence text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** The month an English month name stands for, or -1. */
    private static int monthOf(String name) {
        return MONTHS.getOrDefault(name.substring(0, 3).toLowerCase(Locale.ROOT), -1);
    }

    private static String normaliseOffset(String offset) {
        return offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
    }
}
