package org.zoomcompliance.benchmark;

import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Date parsing of the export shapes: each shape with its own formatter, and the two ways of trying a list of
 * shapes in turn (catching the exception of each miss, or checking a {@link ParsePosition}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DateParsingBenchmark {

    private static final DateTimeFormatter USUAL = formatter("MM/dd/yyyy hh:mm:ss a");
    private static final DateTimeFormatter RECORDING = formatter("MMM dd, yyyy HH:mm:ss");
    private static final DateTimeFormatter DASHBOARD = formatter("MMM dd, yyyy hh:mm a");
    private static final DateTimeFormatter EXCEL = formatter("M/d/yy H:mm");
    private static final List<DateTimeFormatter> SHAPES = List.of(USUAL, EXCEL, DASHBOARD, RECORDING);

    // Not final, so that the JIT cannot fold the inputs into constants.
    private String usual = "11/03/2026 09:03:16 AM";
    private String recording = "Nov 24, 2026 12:25:59";
    private String api = "2026-11-03T08:03:16Z";

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }

    @Benchmark
    public LocalDateTime usualShape() {
        return LocalDateTime.parse(usual, USUAL);
    }

    @Benchmark
    public LocalDateTime recordingShape() {
        return LocalDateTime.parse(recording, RECORDING);
    }

    @Benchmark
    public Instant apiShape() {
        return Instant.parse(api);
    }

    /**
     * The usual shape read by hand, digit by digit: the reference for what a formatter costs on the hottest
     * field of all (two or three per join row).
     */
    @Benchmark
    public LocalDateTime usualShapeByHand() {
        String text = usual;
        int hour = number(text, 11) % 12 + (text.charAt(20) == 'P' || text.charAt(20) == 'p' ? 12 : 0);
        return LocalDateTime.of(number(text, 6) * 100 + number(text, 8), number(text, 0), number(text, 3), hour,
                number(text, 14), number(text, 17));
    }

    private static int number(String text, int at) {
        return (text.charAt(at) - '0') * 10 + text.charAt(at + 1) - '0';
    }

    /** The last of four shapes found by catching the three misses. */
    @Benchmark
    public LocalDateTime lastOfFourByExceptions() {
        for (DateTimeFormatter shape : SHAPES) {
            try {
                return LocalDateTime.parse(recording, shape);
            } catch (DateTimeParseException miss) {
                // try the next shape
            }
        }
        throw new IllegalStateException("no shape");
    }

    /** The last of four shapes found without exceptions. */
    @Benchmark
    public LocalDateTime lastOfFourByParsePosition() {
        for (DateTimeFormatter shape : SHAPES) {
            ParsePosition position = new ParsePosition(0);
            var parsed = shape.parseUnresolved(recording, position);
            if (parsed != null && position.getErrorIndex() < 0 && position.getIndex() == recording.length()) {
                return LocalDateTime.parse(recording, shape);
            }
        }
        throw new IllegalStateException("no shape");
    }
}
