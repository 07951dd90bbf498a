package org.zoomcompliance.ingest.write;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One column of a set-based insert: its name, the SQL that turns the text value sent for it into the column's
 * type ({@code %s} stands for the value), and how to take the value from a row.
 */
record Column<T>(String name, String expression, Function<T, Object> value) {

    /** Separates the elements of a text-array value sent as one text. */
    static final char ELEMENT_SEPARATOR = '\u001f';

    static <T> Column<T> text(String name, Function<T, Object> value) {
        return new Column<>(name, "%s", value);
    }

    static <T> Column<T> typed(String name, String type, Function<T, Object> value) {
        return new Column<>(name, "%s::" + type, value);
    }

    /**
     * A {@code timestamptz} column whose value is an {@link Instant}, sent as microseconds since the epoch: cheaper
     * to write, and for PostgreSQL to read, than its ISO text.
     */
    static <T> Column<T> instant(String name, Function<T, Instant> value) {
        return new Column<>(name, "(timestamptz 'epoch' + %s::bigint * interval '1 microsecond')",
                row -> {
                    Instant instant = value.apply(row);
                    return instant == null ? null : Math.addExact(Math.multiplyExact(instant.getEpochSecond(),
                            1_000_000L), instant.getNano() / 1_000);
                });
    }

    static <T> Column<T> textArray(String name, Function<T, Object> value) {
        return new Column<>(name, "coalesce(string_to_array(%s, chr(31)), '{}')", value);
    }

    String textOf(T row) {
        Object value = this.value.apply(row);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof List<?> list) {
            return String.join(String.valueOf(ELEMENT_SEPARATOR), list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }
}
