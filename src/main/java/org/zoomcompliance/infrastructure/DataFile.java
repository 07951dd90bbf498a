package org.zoomcompliance.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table the pipeline keeps as data in a bundled CSV file (header aliases, date shapes, data centres): a header
 * line, then one row per entry; blank lines and lines starting with {@code #} are comments.
 */
public final class DataFile {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    /** One entry: its cells by position, an empty or absent cell read as null. */
    public record Row(List<String> cells) {

        public String get(int index) {
            return index < cells.size() && !cells.get(index).isBlank() ? cells.get(index) : null;
        }
    }

    private DataFile() {
    }

    /** The rows of a resource next to {@code anchor}'s class; a missing file is a broken build. */
    public static List<Row> rows(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                    CSVParser parser = CSVParser.parse(reader, FORMAT)) {
                return parser.stream().map(record -> new Row(record.toList())).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + resource, e);
        }
    }
}
