package org.zoomcompliance.ingest.read;

import org.zoomcompliance.infrastructure.Sentence;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks an export's records and hands out its data rows with the header they belong to.
 *
 * <p>Sectioned exports (webinar reports) have title lines instead of blank lines between blocks: a title line
 * ({@link HeaderAliases#title}) is no row, and the record after it is read as a header, under the title's section.
 *
 * <p>A header is the first record of the file or the first after a blank line, recognised through the alias
 * table; any other record is a data row of the current block. A data row may carry empty trailing fields beyond
 * its header (trailing commas), and may stop early only where the block's rows are known to be cut
 * ({@link BlockHeader#shortestRow}); any other width is rejected, as are records {@link CsvRecords} could not split
 * or that are longer than the limit.
 */
public final class ExportScanner implements Closeable {

    private final Reader reader;
    private final CsvRecords records;
    private final HeaderAliases aliases;
    private final List<BlockHeader> headers = new ArrayList<>();
    private BlockHeader current;
    private RawRow meeting;
    private boolean afterBlank = true;
    /** The section the last title line opened (webinar reports), or null. */
    private String section;

    private ExportScanner(Reader reader, HeaderAliases aliases, int maxRecordLength) {
        this.reader = reader;
        this.records = new CsvRecords(reader, maxRecordLength);
        this.aliases = aliases;
    }

    /** Scans a file whose records are at most {@code maxRecordLength} characters long (longer ones are rejected). */
    public static ExportScanner open(Path file, HeaderAliases aliases, int maxRecordLength) throws IOException {
        return new ExportScanner(StrictText.open(file), aliases, maxRecordLength);
    }

    /** The headers met so far, in file order. */
    public List<BlockHeader> headers() {
        return headers;
    }

    /** The next data row (possibly rejected), or {@code null} at the end of the file. */
    public RawRow next() throws IOException, UnknownExportException {
        CsvRecord record;
        while ((record = records.next()) != null) {
            if (record.error() != null) {
                if (current == null) {
                    throw new UnknownExportException(Sentence.of("ingest.reason.first-line-unreadable",
                            record.error()));
                }
                afterBlank = false;
                return RawRow.rejected(record.line(), current, record.error(), record.text());
            }
            if (record.blank()) {
                afterBlank = true;
                continue;
            }
            String title = aliases.title(record.fields());
            if (title != null) {
                // a title line (Host Details): the next line is its section's header
                section = title.isEmpty() ? null : title;
                afterBlank = true;
                continue;
            }
            if (afterBlank) {
                BlockHeader header = aliases.match(record.fields());
                afterBlank = false;
                if (header != null) {
                    startBlock(header);
                    continue;
                }
                if (current == null) {
                    throw new UnknownExportException(Sentence.of("ingest.reason.no-known-header",
                            record.fields().size()));
                }
            }
            return row(record);
        }
        return null;
    }

    private void startBlock(BlockHeader found) {
        BlockHeader header = section == null ? found : found.inSection(section);
        current = header;
        headers.add(header);
        records.expectWidth(header.width());
        if (header.type().meetingBlock()) {
            meeting = null;
        }
    }

    private RawRow row(CsvRecord record) {
        List<String> fields = record.fields();
        int width = current.width();
        if (fields.size() > width) {
            for (int i = width; i < fields.size(); i++) {
                if (!fields.get(i).isBlank()) {
                    return RawRow.rejected(record.line(), current,
                            Sentence.of("ingest.reason.field-count", fields.size(), width), record.text());
                }
            }
        } else if (fields.size() < current.shortestRow()) {
            return RawRow.rejected(record.line(), current,
                    Sentence.of("ingest.reason.field-count", fields.size(), width), record.text());
        }
        RawRow row = new RawRow(record.line(), current, fields, current.type().meetingBlock() ? null : meeting,
                null, record.text());
        if (current.type().meetingBlock()) {
            meeting = row;
        }
        return row;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
