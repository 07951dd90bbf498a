package org.zoomcompliance.ingest.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    private record Shape(String name, Pattern pattern, List<String> groups) {
        boolean ordered() {
            return groups.contains("p1");
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
                .map(row -> new Shape(row.get(0), Pattern.compile(row.get(1)), List.of(row.get(2).split(";"))))
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
        boolean monthFirst = valid(match.shape(), match.matcher(), Order.MONTH_FIRST);
        boolean dayFirst = valid(match.shape(), match.matcher(), Order.DAY_FIRST);
        if (monthFirst != dayFirst) {
            return Optional.of(monthFirst ? Order.MONTH_FIRST : Order.DAY_FIRST);
        }
        return Optional.empty();
    }

    /** Parses a value in any known shape; throws {@link IllegalArgumentException} naming no content otherwise. */
    public Moment parse(String value, Order order) {
        Match match = match(value.strip());
        if (match == null) {
            throw new IllegalArgumentException("unrecognised date shape");
        }
        try {
            return build(match.shape(), match.matcher(), order);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("impossible date or time (shape " + match.shape().name() + ")");
        }
    }

    private record Match(Shape shape, Matcher matcher) {
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
                return new Match(last, matcher);
            }
        }
        for (Shape shape : shapes) {
            if (shape == last) {
                continue;
            }
            Matcher matcher = shape.pattern().matcher(text);
            if (matcher.matches()) {
                lastMatched.set(shape);
                return new Match(shape, matcher);
            }
        }
        return null;
    }

    private static boolean valid(Shape shape, Matcher matcher, Order order) {
        try {
            build(shape, matcher, order);
            return true;
        } catch (DateTimeException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Moment build(Shape shape, Matcher matcher, Order order) {
        Integer year = null;
        Integer month = null;
        Integer day = null;
        Integer p1 = null;
        Integer p2 = null;
        Integer hour = null;
        int minute = 0;
        int second = 0;
        String ampm = null;
        ZoneOffset offset = null;
        for (int i = 0; i < shape.groups().size(); i++) {
            String group = matcher.group(i + 1);
            if (group == null) {
                continue;
            }
            switch (shape.groups().get(i)) {
                case "year" -> year = group.length() == 2 ? 2000 + Integer.parseInt(group) : Integer.parseInt(group);
                case "month" -> month = Integer.parseInt(group);
                case "day" -> day = Integer.parseInt(group);
                case "mon" -> month = monthOf(group);
                case "p1" -> p1 = Integer.parseInt(group);
                case "p2" -> p2 = Integer.parseInt(group);
                case "hour" -> hour = Integer.parseInt(group);
                case "minute" -> minute = Integer.parseInt(group);
                case "second" -> second = Integer.parseInt(group);
                case "ampm" -> ampm = group.toUpperCase(Locale.ROOT);
                case "offset" -> offset = ZoneOffset.of(group.equals("Z") ? "Z" : normaliseOffset(group));
                default -> throw new IllegalStateException("date-shapes.csv names an unknown group: "
                        + shape.groups().get(i));
            }
        }
        if (p1 != null) {
            month = order == Order.DAY_FIRST ? p2 : p1;
            day = order == Order.DAY_FIRST ? p1 : p2;
        }
        LocalTime time = null;
        if (hour != null) {
            if (ampm != null) {
                if (hour < 1 || hour > 12) {
                    throw new DateTimeException("hour out of range");
                }
                hour = hour % 12 + (ampm.equals("PM") ? 12 : 0);
            }
            time = LocalTime.of(hour, minute, second);
        }
        LocalDate date = year == null ? null : LocalDate.of(year, month, day);
        return new Moment(date, time, offset);
    }

    private static int monthOf(String name) {
        Integer month = MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
        if (month == null) {
            throw new IllegalArgumentException("unknown month name");
        }
        return month;
    }

    private static String normaliseOffset(String offset) {
        return offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
    }
}
