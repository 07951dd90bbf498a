package org.zoomcompliance.subject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.config.LoadedPolicy;
import org.zoomcompliance.pseudonymisation.PseudonymKey;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/**
 * What every data-subject request records of itself: a keyed hash of the identifier it gave (under the current key
 * version, {@code subject:vN:HASH}), never the identifier; and the institution's language for its texts.
 */
@Component
public class SubjectRecords {

    private final PseudonymKeyStore keyStore;
    private final LoadedPolicy policy;

    public SubjectRecords(PseudonymKeyStore keyStore, LoadedPolicy policy) {
        this.keyStore = keyStore;
        this.policy = policy;
    }

    /** The request's keyed hash, for the audit trail and the restriction and erasure records. */
    public String subjectHash(SubjectRequest request) {
        PseudonymKey key = keyStore.current();
        return "subject:v" + key.version() + ":"
                + new Pseudonymiser(key).subject(request.kind() + ":" + request.value());
    }

    /** The request's keyed hash under one key version, as a restriction or an erasure recorded it; empty without that key. */
    public java.util.Optional<String> subjectHash(SubjectRequest request, int version) {
        return keyStore.version(version).map(key -> "subject:v" + version + ":"
                + new Pseudonymiser(key).subject(request.kind() + ":" + request.value()));
    }

    public int currentKeyVersion() {
        return keyStore.current().version();
    }

    public Messages messages() {
        return Messages.of(policy.policy().institution().language().code());
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static void ownerOnly(Path folder) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
