package org.zoomcompliance.ingest.normalise;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.zoomcompliance.infrastructure.DataFile;
import org.zoomcompliance.ingest.read.HeaderAliases;

/**
 * What export values mean, loaded from {@code value-readings.csv} (columns: table, value, reading, language): the
 * yes/no values of every language, and the answers to the recording notice. Values are compared as header names
 * are ({@link HeaderAliases#normalise}).
 */
final class ValueReadings {

    /** Where the value tables live on the class path. */
    static final String RESOURCE = "/org/zoomcompliance/ingest/value-readings.csv";

    /** A yes/no value: yes, no, or none given ({@code -}, not applicable). */
    enum YesNo { YES, NO, NONE }

    /** An answer to the recording notice, as stored in {@code participant_join.recording_response}. */
    enum Answer { ACKNOWLEDGED, REFUSED, NO_ANSWER, UNKNOWN }

    /** A feature of the history meetings report the rules read; the report lists many others, read as none. */
    enum Feature { CLOUD_RECORDING, LOCAL_RECORDING, WAITING_ROOM }

    private enum Table { YES_NO, DISCLAIMER, FEATURE }

    private static final Map<Table, Map<String, String>> TABLES = load();

    private ValueReadings() {
    }

    /** The reading of a yes/no value; {@code null} when the table does not know it. */
    static YesNo yesNo(String value) {
        String reading = reading(Table.YES_NO, value);
        return reading == null ? null : YesNo.valueOf(reading);
    }

    /** The answer a recording-notice value gives ({@code ""} for an empty cell); UNKNOWN when no row names it. */
    static Answer answer(String value) {
        String reading = reading(Table.DISCLAIMER, value);
        return reading == null ? Answer.UNKNOWN : Answer.valueOf(reading);
    }

    /** The feature a history meetings {@code feature_used} value names, or null for one no rule reads. */
    static Feature feature(String value) {
        String reading = reading(Table.FEATURE, value);
        return reading == null ? null : Feature.valueOf(reading);
    }

    private static String reading(Table table, String value) {
        Map<String, String> values = TABLES.get(table);
        // most values are written as in the table: the full comparison only when the plain one misses (per row)
        String reading = values.get(value.toLowerCase(Locale.ROOT));
        return reading != null ? reading : values.get(HeaderAliases.normalise(value));
    }

    private static Map<Table, Map<String, String>> load() {
        Map<Table, Map<String, String>> tables = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            tables.put(table, new HashMap<>());
        }
        for (DataFile.Row row : DataFile.rows(ValueReadings.class, RESOURCE)) {
            Table table = Table.valueOf(row.get(0).toUpperCase(Locale.ROOT));
            String reading = row.get(2);
            // the reading must name a constant of its table: a typo is a broken build, not a silent unknown
            switch (table) {
                case YES_NO -> YesNo.valueOf(reading);
                case DISCLAIMER -> Answer.valueOf(reading);
                case FEATURE -> Feature.valueOf(reading);
            }
            tables.get(table).put(HeaderAliases.normalise(row.get(1) == null ? "" : row.get(1)), reading);
        }
        Map<Table, Map<String, String>> frozen = new EnumMap<>(Table.class);
        tables.forEach((table, values) -> frozen.put(table, Map.copyOf(values)));
        return frozen;
    }
}
