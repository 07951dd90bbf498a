package org.zoomcompliance.infrastructure;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files only the service's own account may read: the embedded database's secrets, locks and binaries.
 * A folder found open to other accounts, or owned by another, is refused rather than silently tightened: what it
 * held may already have been read or replaced.
 */
final class OwnerOnly {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates {@code folder} with mode 700 if missing; fails if it is a link, another account's, or open to others. */
    static Path directory(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
            } catch (FileAlreadyExistsException createdMeanwhile) {
                // another process created it first: checked below like any existing folder
            }
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException(folder + " must be a folder (not a link), readable by this account only");
        }
        int owner = (Integer) Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != new UnixSystem().getUid()) {
            throw new IllegalStateException(folder + " belongs to another account (uid " + owner
                    + "); it must belong to the account running zoom-compliance");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
        if (!FOLDER.containsAll(permissions)) {
            throw new IllegalStateException(folder + " is open to other accounts (mode "
                    + PosixFilePermissions.toString(permissions) + "); what it holds may have been read: run"
                    + " chmod 700 on it and see the README, Security: the database");
        }
        return folder;
    }

    /** Writes {@code content} to {@code file} (mode 600) all at once: a reader sees the old file or the new one. */
    static void write(Path file, String content) throws IOException {
        Path written = Files.createTempFile(file.getParent(), ".writing-", ".tmp", PosixFilePermissions.asFileAttribute(FILE));
        try {
            Files.writeString(written, content, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(written);
        }
    }
}
