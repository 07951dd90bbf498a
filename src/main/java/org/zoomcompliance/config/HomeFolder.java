package org.zoomcompliance.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The pipeline's home folder ({@code ZOOM_COMPLIANCE_HOME}, {@code --home}, default {@code ~/.zoom-compliance})
 * and its sub-folders, created on first use.
 */
public final class HomeFolder {

    /** Environment variable naming the home folder. */
    public static final String ENVIRONMENT_VARIABLE = "ZOOM_COMPLIANCE_HOME";

    /** Spring property carrying the resolved home folder into the application context. */
    public static final String PROPERTY = "zoom-compliance.home";

    private static final List<String> SUB_FOLDERS =
            List.of("postgres", "keys", "inbox", "processed", "quarantine", "reports", "logs");

    private final Path root;

    private HomeFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The home folder named explicitly, else by the environment, else the documented default. */
    public static HomeFolder resolve(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return new HomeFolder(Path.of(explicit));
        }
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new HomeFolder(Path.of(fromEnvironment));
        }
        return new HomeFolder(Path.of(System.getProperty("user.home"), ".zoom-compliance"));
    }

    /** Creates the home and its sub-folders if missing; fails with a clear message if it cannot. */
    public HomeFolder create() {
        try {
            Files.createDirectories(root);
            for (String sub : SUB_FOLDERS) {
                Files.createDirectories(root.resolve(sub));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the home folder " + root + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(root)) {
            throw new IllegalStateException("the home folder " + root + " is not writable");
        }
        return this;
    }

    public Path root() {
        return root;
    }

    /** The policy every command, the console and the scheduler use, unless one run is given another. */
    public Path policyFile() {
        return root.resolve("policy.yml");
    }

    /** The embedded PostgreSQL cluster. */
    public Path postgres() {
        return root.resolve("postgres");
    }

    /**
     * The embedded database's own owner-only folder (mode 700): its generated passwords, the locks by which processes
     * share the server, and (by default) the server's binaries.
     */
    public Path postgresPrivate() {
        return root.resolve("postgres-private");
    }

    /** Where the embedded server's binaries are unpacked unless configured elsewhere. */
    public Path postgresBinaries() {
        return postgresPrivate().resolve("binaries");
    }

    /** Pseudonymisation keys (owner-only). */
    public Path keys() {
        return root.resolve("keys");
    }

    /** Where the admin drops Zoom exports for the nightly run. */
    public Path inbox() {
        return root.resolve("inbox");
    }

    /** Raw exports already ingested, kept a few days for re-runs, then purged by retention. */
    public Path processed() {
        return root.resolve("processed");
    }

    /** Files that could not be ingested, each with a reason file beside it. */
    public Path quarantine() {
        return root.resolve("quarantine");
    }

    /** DPO workbooks, one folder per month. */
    public Path reports() {
        return root.resolve("reports");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** A sub-folder created on demand, for callers that write there. */
    public Path ensure(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
