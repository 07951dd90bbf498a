package org.zoomcompliance.pull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The app's client secret: the environment variable {@code ZOOM_API_CLIENT_SECRET}, else an owner-only file
 * ({@code zoom.api.client-secret-file}, by default {@code HOME/zoom-api/client-secret}). Like a key file, a secret
 * file that another account may read is refused, never used: it may already have been read. The secret is never
 * a property (it would show in the environment's dumps and the policy's values), and is never logged.
 */
final class ClientSecret {

    static final String VARIABLE = "ZOOM_API_CLIENT_SECRET";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private ClientSecret() {
    }

    static String read(Map<String, String> environment, Path file) {
        String fromEnvironment = environment.get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new PullConfigurationException("no client secret for Zoom's API: set " + VARIABLE + " or write it"
                    + " to " + file + " (chmod 600); see the README, Pulling from Zoom's API");
        }
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new PullConfigurationException(file + " must be a plain file (not a link), readable by this"
                        + " account only");
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new PullConfigurationException(file + " is open to other accounts (mode "
                        + PosixFilePermissions.toString(permissions) + "); the secret may have been read: renew it in"
                        + " Zoom's App Marketplace, write the new one there and chmod 600 it");
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new PullConfigurationException(file + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new PullConfigurationException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
