package org.zoomcompliance.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.zoomcompliance.ingest.normalise.FileContext;
import org.zoomcompliance.ingest.read.DateShapes;
import org.zoomcompliance.ingest.write.DataPeriod;

/**
 * The dates a file shows before any of its rows is read: those in its name ({@code signinout_20261001_20261031.csv}),
 * and, for a file rejected whole (unknown kind, wrong encoding), those its text holds. They place a file that
 * yields no row in the months it concerns, so the Data quality sheet of that month lists it (docs/months.md).
 */
final class FileDates {

    /** How much of a rejected file is looked at: its dates are near the top (meeting block, first rows). */
    static final int TEXT_LIMIT = 1 << 20;

    private static final Pattern CELL_SEPARATORS = Pattern.compile("[,;\\t\\r\\n\"]+");
    /** Dates before Zoom existed, or after next year, are numbers that happen to look like dates. */
    private static final int FIRST_YEAR = 2011;

    private FileDates() {
    }

    /** The period the dates in a file name span, or {@code null} when it has none. */
    static DataPeriod ofName(String fileName, ZoneId zone) {
        DataPeriod period = null;
        for (LocalDate date : FileContext.datesIn(fileName)) {
            period = DataPeriod.union(period, DataPeriod.on(date, zone));
        }
        return period;
    }

    /**
     * The period the dates of a file's text span, reading it leniently (any bytes: an export in the wrong encoding
     * still has ASCII dates; NUL bytes of UTF-16 dropped) and only its first {@link #TEXT_LIMIT} bytes; day/month
     * order resolved over the whole text as the survey does. {@code null} when it shows no plausible date.
     */
    static DataPeriod ofText(Path file, DateShapes shapes, ZoneId zone, LocalDate today) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(TEXT_LIMIT);
        }
        int kept = 0;
        for (byte b : head) {
            if (b != 0) {
                head[kept++] = b;
            }
        }
        List<String> cells = new ArrayList<>();
        for (String cell : CELL_SEPARATORS.split(new String(head, 0, kept, StandardCharsets.ISO_8859_1))) {
            String value = cell.strip();
            if (value.isEmpty()) {
                continue;
            }
            boolean dateLike = Character.isDigit(value.charAt(value.length() - 1)) || value.endsWith("M")
                    || value.endsWith("m");
            if (value.length() >= 6 && value.length() <= 40 && dateLike) {
                cells.add(value);
            }
        }
        long dayFirst = cells.stream().filter(c -> shapes.evidence(c).orElse(null) == DateShapes.Order.DAY_FIRST).count();
        long monthFirst = cells.stream().filter(c -> shapes.evidence(c).orElse(null) == DateShapes.Order.MONTH_FIRST).count();
        DateShapes.Order order = dayFirst > monthFirst ? DateShapes.Order.DAY_FIRST : DateShapes.Order.MONTH_FIRST;
        DataPeriod period = null;
        for (String cell : cells) {
            DateShapes.Moment moment;
            try {
                moment = shapes.parse(cell, order);
            } catch (IllegalArgumentException notADate) {
                continue;
            }
            if (moment.timeOnly() || moment.date().getYear() < FIRST_YEAR || moment.date().getYear() > today.getYear() + 1) {
                continue;
            }
            period = DataPeriod.union(period, DataPeriod.at(moment.instant(zone)));
        }
        return period;
    }
}
