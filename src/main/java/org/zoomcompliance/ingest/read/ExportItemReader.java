package org.zoomcompliance.ingest.read;

import java.nio.file.Path;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The ingest step's reader: the data rows of one export, streamed and turned into what the writer stores by the
 * given function, up to about two thousand rows ahead of the step, on a thread of its own ({@link ReadAhead}). It
 * counts the rows it hands out, so a restart skips the rows of committed chunks in the file (headers and meeting
 * lines are re-read on the way) before reading ahead again. A file the survey quarantined yields nothing. Not
 * final: the step scope proxies it.
 */
public class ExportItemReader<T> extends AbstractItemCountingItemStreamItemReader<T> {

    private final Path file;
    private final HeaderAliases aliases;
    private final int maxRecordLength;
    private final boolean quarantined;
    private final Function<RawRow, T> normaliser;
    private ExportScanner scanner;
    private ReadAhead<T> ahead;
    private boolean open;

    public ExportItemReader(Path file, HeaderAliases aliases, int maxRecordLength, boolean quarantined,
            Function<RawRow, T> normaliser) {
        this.file = file;
        this.aliases = aliases;
        this.maxRecordLength = maxRecordLength;
        this.quarantined = quarantined;
        this.normaliser = normaliser;
        setName("ingestRowsReader");
    }

    @Override
    protected void doOpen() throws Exception {
        open = true;
        if (!quarantined) {
            scanner = ExportScanner.open(file, aliases, maxRecordLength);
        }
    }

    /** Skips the rows of committed chunks on the scanner itself: they are neither normalised nor read ahead. */
    @Override
    protected void jumpToItem(int itemIndex) throws Exception {
        for (int i = 0; i < itemIndex && scanner != null; i++) {
            if (nextRaw() == null) {
                break;
            }
        }
    }

    @Override
    protected T doRead() throws Exception {
        if (scanner == null) {
            return null;
        }
        if (ahead == null) {
            ahead = new ReadAhead<>("ingest-read-ahead", () -> {
                RawRow row = nextRaw();
                return row == null ? null : normaliser.apply(row);
            });
        }
        return ahead.next();
    }

    private RawRow nextRaw() throws Exception {
        try {
            return scanner.next();
        } catch (UnknownExportException e) {
            throw new IllegalStateException("the file changed since it was surveyed: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doClose() throws Exception {
        open = false;
        if (ahead != null) {
            ahead.close();
            ahead = null;
        }
        if (scanner != null) {
            scanner.close();
            scanner = null;
        }
    }

    /**
     * Saves the position only while open: when a step is stopped, Spring Batch 6 updates its streams once more after
     * closing them, and the count, reset by the close, would make the restart read the file again from its start.
     */
    @Override
    public void update(ExecutionContext executionContext) {
        if (open) {
            super.update(executionContext);
        }
    }
}
