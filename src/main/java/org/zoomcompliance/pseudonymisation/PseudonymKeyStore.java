package org.zoomcompliance.pseudonymisation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret keys pseudonyms are made with, kept outside the database.
 *
 * <p>Either given by the environment ({@code ZOOM_COMPLIANCE_KEY}: base64 of at least 32 bytes, with
 * {@code ZOOM_COMPLIANCE_KEY_VERSION}, default 1), or kept as files {@code keys/key-vN} in the home folder,
 * readable by their owner only; the newest version is current. The first key is generated on first use. A key
 * file that others may read is refused, never used. There is no fallback to an unkeyed hash.
 */
public final class PseudonymKeyStore {

    public static final String KEY_VARIABLE = "ZOOM_COMPLIANCE_KEY";
    public static final String KEY_VERSION_VARIABLE = "ZOOM_COMPLIANCE_KEY_VERSION";

    private static final Pattern KEY_FILE = Pattern.compile("key-v(\\d+)");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path folder;
    private final Map<String, String> environment;

    /** What {@code keys status} shows of a key: never the secret. */
    public record KeyInfo(int version, String source, Instant created, boolean current) {
    }

    public PseudonymKeyStore(Path folder, Map<String, String> environment) {
        this.folder = folder;
        this.environment = environment;
    }

    /** A store over the home's keys folder and the process environment. */
    public static PseudonymKeyStore of(Path folder) {
        return new PseudonymKeyStore(folder, System.getenv());
    }

    /** The key new pseudonyms are made with; generates version 1 on first use. */
    public synchronized PseudonymKey current() {
        Optional<PseudonymKey> fromEnvironment = fromEnvironment();
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        List<Integer> versions = fileVersions();
        if (versions.isEmpty()) {
            return create(1);
        }
        return read(versions.get(versions.size() - 1));
    }

    /** A given key version, to check or look up pseudonyms made before a rotation. */
    public synchronized Optional<PseudonymKey> version(int version) {
        Optional<PseudonymKey> fromEnvironment = fromEnvironment();
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.filter(key -> key.version() == version);
        }
        return fileVersions().contains(version) ? Optional.of(read(version)) : Optional.empty();
    }

    /** Makes a new current version; older pseudonyms stay valid under their own version until purged. */
    public synchronized PseudonymKey rotate() {
        if (fromEnvironment().isPresent()) {
            throw new KeyUnavailableException("the key is given by " + KEY_VARIABLE
                    + "; rotate it there (new value and a higher " + KEY_VERSION_VARIABLE + ")");
        }
        List<Integer> versions = fileVersions();
        int next = versions.isEmpty() ? 1 : versions.get(versions.size() - 1) + 1;
        return create(next);
    }

    /** Destroys a key version that is not current (its pseudonyms can then never be linked again). */
    public synchronized boolean destroy(int version) {
        List<Integer> versions = fileVersions();
        if (versions.isEmpty() || versions.get(versions.size() - 1) == version) {
            return false;
        }
        try {
            return Files.deleteIfExists(keyFile(version));
        } catch (IOException e) {
            throw new KeyUnavailableException("cannot destroy key version " + version + ": " + e.getMessage(), e);
        }
    }

    public synchronized List<KeyInfo> status() {
        Optional<PseudonymKey> fromEnvironment = fromEnvironment();
        if (fromEnvironment.isPresent()) {
            return List.of(new KeyInfo(fromEnvironment.get().version(), "environment " + KEY_VARIABLE, null, true));
        }
        List<Integer> versions = fileVersions();
        List<KeyInfo> infos = new ArrayList<>();
        for (int version : versions) {
            Path file = keyFile(version);
            Instant created;
            try {
                created = Files.getLastModifiedTime(file).toInstant();
            } catch (IOException e) {
                created = null;
            }
            infos.add(new KeyInfo(version, file.toString(), created, version == versions.get(versions.size() - 1)));
        }
        return infos;
    }

    private Optional<PseudonymKey> fromEnvironment() {
        String encoded = environment.get(KEY_VARIABLE);
        if (encoded == null || encoded.isBlank()) {
            return Optional.empty();
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyUnavailableException(KEY_VARIABLE + " is not base64");
        }
        String version = environment.getOrDefault(KEY_VERSION_VARIABLE, "1");
        int number;
        try {
            number = Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            throw new KeyUnavailableException(KEY_VERSION_VARIABLE + " is not a whole number");
        }
        if (number < 1) {
            throw new KeyUnavailableException(KEY_VERSION_VARIABLE + " must be 1 or more");
        }
        return Optional.of(new PseudonymKey(number, secret));
    }

    private List<Integer> fileVersions() {
        if (!Files.exists(folder)) {
            return List.of();
        }
        if (!Files.isDirectory(folder)) {
            throw new KeyUnavailableException("the key folder " + folder + " is not a folder");
        }
        List<Integer> versions = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Matcher matcher = KEY_FILE.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    versions.add(Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            throw new KeyUnavailableException("cannot list the key folder " + folder + ": " + e.getMessage(), e);
        }
        versions.sort(Comparator.naturalOrder());
        return versions;
    }

    private Path keyFile(int version) {
        return folder.resolve("key-v" + version);
    }

    private PseudonymKey read(int version) {
        Path file = keyFile(version);
        refuseIfOthersMayRead(file);
        try {
            String encoded = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return new PseudonymKey(version, Base64.getDecoder().decode(encoded));
        } catch (IOException e) {
            throw new KeyUnavailableException("cannot read the pseudonymisation key " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new KeyUnavailableException("the pseudonymisation key " + file + " is not base64");
        }
    }

    private void refuseIfOthersMayRead(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KeyUnavailableException("the pseudonymisation key " + file + " is not a readable file");
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (IOException e) {
            throw new KeyUnavailableException("cannot read the pseudonymisation key " + file + ": " + e.getMessage(), e);
        }
        if (!OWNER_ONLY_FILE.containsAll(permissions)) {
            throw new KeyUnavailableException("the pseudonymisation key " + file + " is open to group or others ("
                    + PosixFilePermissions.toString(permissions) + "); refusing it: run chmod 600 on it");
        }
    }

    private PseudonymKey create(int version) {
        byte[] secret = new byte[PseudonymKey.MINIMUM_BYTES];
        new SecureRandom().nextBytes(secret);
        Path target = keyFile(version);
        try {
            createOwnerOnlyFolder();
        } catch (IOException e) {
            throw new KeyUnavailableException("cannot create the key folder " + folder + ": " + e, e);
        }
        try {
            Path temporary = Files.createTempFile(folder, ".key-v" + version, ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
            Files.setLastModifiedTime(temporary, FileTime.from(Instant.now()));
            // A hard link never replaces an existing file: two processes creating the same version at once end
            // with one key, the loser reading the winner's.
            try {
                Files.createLink(target, temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileAlreadyExistsException e) {
            return read(version);
        } catch (IOException e) {
            throw new KeyUnavailableException("cannot create the pseudonymisation key " + target + ": " + e.getMessage(), e);
        }
        return new PseudonymKey(version, secret);
    }

    private void createOwnerOnlyFolder() throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException("it is not a folder");
        }
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        try {
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the operator protects the folder
        }
    }
}
