package org.zoomcompliance.ingest.normalise;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zoomcompliance.ingest.read.DateShapes;

/**
 * What normalising a file's rows needs beyond the rows: its name, the zone its wall-clock times are in, its
 * day/month order, its inventory date (recordings, users, hosts) and the meeting ID its name carries.
 */
public record FileContext(String fileName, ZoneId zone, DateShapes.Order order, LocalDate inventoryDate,
        String fileMeetingId, boolean pseudonymiseEmails) {

    private static final Pattern DATE_IN_NAME = Pattern.compile("(?<!\\d)(\\d{8})(?!\\d)");
    private static final Pattern MEETING_ID_IN_NAME = Pattern.compile("(?<!\\d)(\\d{9,11})(?!\\d)");

    /** The last {@code YYYYMMDD} in a file name ({@code zoomus_recordings__20261031.csv}), else the given day. */
    public static LocalDate inventoryDate(String fileName, LocalDate otherwise) {
        List<LocalDate> dates = datesIn(fileName);
        return dates.isEmpty() ? otherwise : dates.get(dates.size() - 1);
    }

    /** Every {@code YYYYMMDD} date in a file name, in order ({@code meetinglistdetails_20261001_20261031.csv}). */
    public static List<LocalDate> datesIn(String fileName) {
        Matcher matcher = DATE_IN_NAME.matcher(fileName);
        List<LocalDate> found = new ArrayList<>();
        while (matcher.find()) {
            try {
                found.add(LocalDate.parse(matcher.group(1), DateTimeFormatter.BASIC_ISO_DATE));
            } catch (DateTimeParseException notADate) {
                // eight digits that are not a date: keep looking
            }
        }
        return found;
    }

    /** A meeting ID in a file name ({@code participants_85218486288.csv}), or {@code null}. */
    public static String meetingIdIn(String fileName) {
        Matcher matcher = MEETING_ID_IN_NAME.matcher(fileName);
        return matcher.find() ? matcher.group(1) : null;
    }
}
