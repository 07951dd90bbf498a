package org.zoomcompliance.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.ingest.IngestReport.Status;

/**
 * Where a handled file goes: an inbox file moves to {@code processed/}, or to {@code quarantine/} with a reason
 * file when it was rejected as a whole; a failed one stays for the next run. Used when {@link Ingestion} ends a
 * file and when an ingest job ends otherwise (restarted by an operator), so a file leaves the inbox whichever way
 * its run completed; settling a file already moved does nothing.
 */
@Component
class InboxFiles {

    private final HomeFolder home;

    InboxFiles(HomeFolder home) {
        this.home = home;
    }

    /** Whether the file was taken from the inbox (rather than named on the command line, read in place). */
    boolean inInbox(Path file) {
        return file.toAbsolutePath().normalize().startsWith(home.inbox().toAbsolutePath().normalize());
    }

    /** Moves an inbox file as its outcome says, if it is still there. */
    void settle(Path file, Status status, String sha256, String reason) {
        if (!inInbox(file) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        switch (status) {
            case COMPLETED, ALREADY_INGESTED -> move(file, home.processed());
            case QUARANTINED -> writeReason(move(file, home.quarantine()), sha256, reason);
            case FAILED, SKIPPED -> {
                // left in the inbox: the next run resumes it
            }
        }
    }

    /** Writes the reason file of a file rejected as a whole, beside it in {@code quarantine/}. */
    void writeReason(Path file, String sha256, String reason) {
        Path reasonFile = FileNames.named(home.ensure(home.quarantine()), "", file, ".reason.txt");
        String text = "file: " + FileNames.displayPath(file) + "\nsha256: " + (sha256 == null ? "not read" : sha256)
                + "\nreason: " + reason + "\n";
        try {
            Files.writeString(reasonFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reason file of " + FileNames.display(file), e);
        }
    }

    /** Moves a file (a link itself, never its target) into a folder, keeping its name's bytes; numbered if taken. */
    private Path move(Path file, Path folder) {
        home.ensure(folder);
        Path target = FileNames.named(folder, "", file, "");
        for (int n = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = FileNames.named(folder, n + "-", file, "");
        }
        try {
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + FileNames.display(file) + " to " + folder, e);
        }
    }
}
