package org.zoomcompliance.infrastructure;

import com.sun.security.auth.module.UnixSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries shipped in the application (zonky's binaries jar), unpacked into an owner-only
 * folder instead of the shared temporary folder, where another account could swap them. The digest of the unpacked
 * tree is recorded at unpack time, with a manifest of its entries' names, kinds, permissions, sizes and change
 * times. Before every use the manifest is compared (a stat of each file): the change time moves with any write,
 * permission or ownership change and cannot be set back by a user, so an unchanged manifest means an unchanged tree
 * without reading 60 MB at each start. When it differs the content digest decides: a tree that does not match (an
 * unpack cut short, a changed file) is unpacked again; one that matches (a home restored from a backup, say) gets
 * its manifest recorded anew.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);

    private static final String DIGEST_SUFFIX = ".sha256";
    private static final String MANIFEST_SUFFIX = ".manifest";
    private static final String UNPACKING_PREFIX = ".unpacking-";
    private static final Object UNPACKING = new Object();

    private final Path installation;

    private PostgresBinaries(Path installation) {
        this.installation = installation;
    }

    /** The verified binaries under {@code folder} (owner-only, created if missing), unpacked there if needed. */
    static PostgresBinaries prepare(Path folder) throws IOException {
        OwnerOnly.directory(folder);
        URL archive = archive();
        String name = "PG-" + HexFormat.of().formatHex(sha256().digest(identity(archive)), 0, 16);
        Path installation = folder.resolve(name);
        Path recorded = folder.resolve(name + DIGEST_SUFFIX);
        Path manifest = folder.resolve(name + MANIFEST_SUFFIX);
        // one unpack at a time per folder: threads of this JVM, then other processes sharing the folder
        synchronized (UNPACKING) {
            try (FileChannel channel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (Files.isDirectory(installation) && Files.isRegularFile(recorded)) {
                    String entries = manifest(installation);
                    if (Files.isRegularFile(manifest) && Files.readString(manifest, StandardCharsets.UTF_8).equals(entries)) {
                        return new PostgresBinaries(installation);
                    }
                    if (treeDigest(installation).equals(Files.readString(recorded, StandardCharsets.US_ASCII).trim())) {
                        write(folder, manifest, entries);
                        return new PostgresBinaries(installation);
                    }
                    log.warn("the PostgreSQL binaries in {} differ from the digest recorded when they were unpacked;"
                            + " unpacking them again", installation);
                }
                Files.deleteIfExists(manifest);
                Files.deleteIfExists(recorded);
                deleteTree(installation);
                removeUnfinishedUnpacks(folder);
                Path unpacking = Files.createTempDirectory(folder, UNPACKING_PREFIX);
                unpack(read(archive), unpacking);
                String digest = treeDigest(unpacking);
                Files.move(unpacking, installation, StandardCopyOption.ATOMIC_MOVE);
                write(folder, recorded, digest + "\n");
                write(folder, manifest, manifest(installation));
                return new PostgresBinaries(installation);
            }
        }
    }

    /** Writes a record of the folder whole or not at all (a temporary file renamed into place). */
    private static void write(Path folder, Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(folder, UNPACKING_PREFIX, file.getFileName().toString());
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * What names the archive without reading it: the binaries jar it comes from (its file name holds zonky's
     * version; a released artifact never changes) and the entry's name.
     */
    private static byte[] identity(URL archive) {
        String location = archive.toString();
        int entry = location.lastIndexOf("!/");
        String jar = entry < 0 ? location : location.substring(0, entry);
        return (jar.substring(jar.lastIndexOf('/') + 1) + (entry < 0 ? "" : location.substring(entry)))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One line per entry: kind, relative path, permissions, size, change time (and a link's target). */
    static String manifest(Path root) throws IOException {
        StringBuilder lines = new StringBuilder();
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(root)) {
            entries = walk.sorted(Comparator.comparing(path -> root.relativize(path).toString())).toList();
        }
        for (Path path : entries) {
            Map<String, Object> stat = Files.readAttributes(path, "unix:mode,size,ctime", LinkOption.NOFOLLOW_LINKS);
            lines.append(Files.isSymbolicLink(path) ? "L " : Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                    ? "D " : "F ").append(root.relativize(path)).append(' ').append(stat.get("mode")).append(' ')
                    .append(stat.get("size")).append(' ').append(stat.get("ctime"));
            if (Files.isSymbolicLink(path)) {
                lines.append(' ').append(Files.readSymbolicLink(path));
            }
            lines.append('\n');
        }
        return lines.toString();
    }

    /**
     * The command line running one of the binaries ({@code initdb}, {@code pg_ctl}, {@code postgres}). As root,
     * PostgreSQL refuses to run; it is then run in a user namespace of its own ({@code unshare -U}), as zonky does.
     */
    List<String> command(String binary, String... arguments) {
        List<String> command = new ArrayList<>();
        if (new UnixSystem().getUid() == 0) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(installation.resolve("bin").resolve(binary).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    Path installation() {
        return installation;
    }

    private static URL archive() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac") ? "darwin" : "linux";
        String arch = System.getProperty("os.arch");
        String resource = "/postgres-" + os + "-" + ("amd64".equals(arch) ? "x86_64" : arch) + ".txz";
        URL archive = PostgresBinaries.class.getResource(resource);
        if (archive == null) {
            throw new IllegalStateException("this build ships no embedded PostgreSQL for " + os + " " + arch
                    + "; set SPRING_DATASOURCE_URL to use a PostgreSQL server");
        }
        return archive;
    }

    private static byte[] read(URL archive) throws IOException {
        try (InputStream in = archive.openStream()) {
            return in.readAllBytes();
        }
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("the PostgreSQL archive holds an entry outside its folder: " + entry.getName());
                }
                if (entry.isLink()) {
                    throw new IOException("the PostgreSQL archive holds an unsupported hard link: " + entry.getName());
                } else if (entry.isDirectory()) {
                    Files.createDirectories(path, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Path link = Path.of(entry.getLinkName());
                    if (link.isAbsolute() || !path.getParent().resolve(link).normalize().startsWith(target)) {
                        throw new IOException("the PostgreSQL archive links outside its folder: " + entry.getName());
                    }
                    Files.createSymbolicLink(path, link);
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, ownerPermissions(entry.getMode()));
                } else {
                    throw new IOException("the PostgreSQL archive holds an unsupported entry: " + entry.getName());
                }
            }
        }
    }

    /** The archive's owner bits only: nobody else needs to read, and nobody else may write. */
    private static Set<PosixFilePermission> ownerPermissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ);
        if ((mode & 0200) != 0) {
            permissions.add(PosixFilePermission.OWNER_WRITE);
        }
        if ((mode & 0100) != 0) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
        }
        return permissions;
    }

    /** SHA-256 over every entry's relative path, kind, permissions and content (or link target), in name order. */
    static String treeDigest(Path root) throws IOException {
        MessageDigest tree = sha256();
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(root)) {
            entries = walk.sorted(Comparator.comparing(path -> root.relativize(path).toString())).toList();
        }
        byte[] buffer = new byte[1 << 16];
        for (Path path : entries) {
            String line;
            String name = root.relativize(path).toString();
            if (Files.isSymbolicLink(path)) {
                line = "L " + name + " " + Files.readSymbolicLink(path);
            } else if (Files.isDirectory(path)) {
                line = "D " + name + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
            } else {
                MessageDigest content = sha256();
                try (InputStream in = Files.newInputStream(path)) {
                    for (int read; (read = in.read(buffer)) > 0; ) {
                        content.update(buffer, 0, read);
                    }
                }
                line = "F " + name + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) + " "
                        + HexFormat.of().formatHex(content.digest());
            }
            tree.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(tree.digest());
    }

    private static void removeUnfinishedUnpacks(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.filter(path -> path.getFileName().toString().startsWith(UNPACKING_PREFIX)).toList()) {
                deleteTree(child);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
