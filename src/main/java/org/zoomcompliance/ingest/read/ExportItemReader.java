package org.zoomcompliance.ingest.read;

import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The ingest step's reader: the data rows of one export, streamed. It counts the rows it hands out, so a restart
 * re-reads the file and skips the rows of committed chunks (headers and meeting lines are re-read on the way).
 * A file the survey quarantined yields nothing. Not final: the step scope proxies it.
 */
public class ExportItemReader extends AbstractItemCountingItemStreamItemReader<RawRow> {

    private final Path file;
    private final HeaderAliases aliases;
    private final boolean quarantined;
    private ExportScanner scanner;
    private boolean open;

    public ExportItemReader(Path file, HeaderAliases aliases, boolean quarantined) {
        this.file = file;
        this.aliases = aliases;
        this.quarantined = quarantined;
        setName("ingestRowsReader");
    }

    @Override
    protected void doOpen() throws Exception {
        open = true;
        if (!quarantined) {
            scanner = ExportScanner.open(file, aliases);
        }
    }

    @Override
    protected RawRow doRead() throws Exception {
        if (scanner == null) {
            return null;
        }
        try {
            return scanner.next();
        } catch (UnknownExportException e) {
            throw new IllegalStateException("the file changed since it was surveyed: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doClose() throws Exception {
        open = false;
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
