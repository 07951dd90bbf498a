package org.zoomcompliance.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * File handling that never shows a half-written workbook: content goes to a temporary file beside its target and
 * is moved over it in one atomic rename once complete and on disk.
 */
final class ReportFiles {

    /** A complete temporary file, with the SHA-256 and size of its bytes. */
    record Written(Path file, String sha256, long sizeBytes) {
    }

    /** Writes content to a stream; may fail midway. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private ReportFiles() {
    }

    /**
     * Writes the content to a new temporary file in the target's folder (so that the final rename stays on one
     * file system), synced to disk. When writing fails, the temporary file is removed and the target untouched.
     */
    static Written writeBeside(Path target, Content content) throws IOException {
        Path folder = Files.createDirectories(target.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            MessageDigest digest = sha256();
            try (OutputStream out = new DigestOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(temporary)), digest)) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return new Written(temporary, HexFormat.of().formatHex(digest.digest()), Files.size(temporary));
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Moves a complete temporary file over the target in one step: readers see the old file or the new one. */
    static void publish(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Copies a file to another place through a temporary file there, so that the copy too appears whole. */
    static void copyAtomically(Path source, Path target) throws IOException {
        Written copy = writeBeside(target, out -> Files.copy(source, out));
        try {
            publish(copy.file(), target);
        } catch (AtomicMoveNotSupportedException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Keeps the file now at {@code current} under {@code archive} too (a hard link, else a copy). The archive name
     * must be free: an archive is never replaced here (the caller decides what may go).
     */
    static void keep(Path current, Path archive) throws IOException {
        try {
            Files.createLink(archive, current);
        } catch (UnsupportedOperationException | IOException linksNotSupported) {
            Files.copy(current, archive, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a folder and everything in it. */
    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary folder " + folder, e);
        }
    }

    /** The SHA-256 of a file's bytes, in hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
