package org.zoomcompliance.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes raw exports kept in {@code processed/} once older, by file time, than the limit: they hold clear IP
 * addresses and are kept only so that an operator can re-run an ingest.
 */
record ProcessedFilePurge(Path folder, ZoneId zone, int days) implements Purge {

    static final String NAME = "processed export files";

    @Override
    public String name() {
        return NAME;
    }


    @Override
    public Batch deleteBatch(Instant cutOff, long after, int limit) {
        if (!Files.isDirectory(folder)) {
            return new Batch(0, after);
        }
        List<Path> expired;
        try (Stream<Path> files = Files.find(folder, Integer.MAX_VALUE,
                (file, attributes) -> attributes.isRegularFile() && isOlder(attributes, cutOff))) {
            expired = files.sorted().limit(limit).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        long removed = 0;
        for (Path file : expired) {
            try {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + folder.relativize(file) + " from " + folder, e);
            }
        }
        // Files are not transactional: a crash between these deletions and the commit of the count loses at most
        // one batch from the count, never a file from the purge.
        return new Batch(removed, after + removed);
    }

    private static boolean isOlder(BasicFileAttributes attributes, Instant cutOff) {
        return attributes.lastModifiedTime().toInstant().isBefore(cutOff);
    }
}
