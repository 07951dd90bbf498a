package org.zoomcompliance.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL cluster kept under the home folder, so data survives restarts.
 *
 * <p>After a {@code kill -9} of the JVM the postmaster it started lives on, orphaned, holding the data
 * directory; after a reboot a stale {@code postmaster.pid} may remain. Both are cleared before starting, but only
 * when no live process holds the cluster's lock file: a cluster in use by another zoom-compliance process is
 * never touched.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** The lock file zonky's EmbeddedPostgres holds for as long as its JVM lives. */
    private static final String LOCK_FILE = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private EmbeddedPostgresServer() {
    }

    /** Starts (creating on first use) the cluster in {@code dataDirectory}, logging the server to {@code logFile}. */
    public static EmbeddedPostgres start(Path dataDirectory, Path logFile) throws IOException {
        Files.createDirectories(dataDirectory);
        clearLeftovers(dataDirectory);
        ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                .setServerConfig("max_connections", "60")
                .setServerConfig("timezone", "UTC")
                // zonky's own JVM shutdown hook would stop the server at once on SIGTERM, concurrently with Spring's,
                // under a job still finishing its chunk; the bean's close (after GracefulShutdown) stops it instead,
                // and a server left by a dead JVM is stopped by clearLeftovers at the next start.
                .setRegisterShutdownHook(false)
                .start();
    }

    /** Stops an orphaned postmaster or removes a stale pid file, if the cluster is not in use. */
    static void clearLeftovers(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileOutputStream lockStream = new FileOutputStream(dataDirectory.resolve(LOCK_FILE).toFile());
                FileChannel channel = lockStream.getChannel()) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new IllegalStateException("the embedded database in " + dataDirectory
                        + " is in use by another zoom-compliance process; wait for it to finish,"
                        + " or point every process at one server with SPRING_DATASOURCE_URL");
            }
            try {
                Optional<ProcessHandle> postmaster = postmasterOf(pidFile);
                if (postmaster.isPresent()) {
                    log.warn("stopping the orphaned PostgreSQL server (pid {}) left by a process that did not shut down",
                            postmaster.get().pid());
                    stop(postmaster.get());
                }
                if (Files.deleteIfExists(pidFile)) {
                    log.warn("removed the stale {} of the embedded database", PID_FILE);
                }
            } finally {
                lock.release();
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException inUseByThisJvm) {
            return null;
        }
    }

    /** The live postgres process named by the pid file, if any (the pid may have been reused by another program). */
    private static Optional<ProcessHandle> postmasterOf(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
    }

    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        if (!awaitExit(postmaster)) {
            log.warn("the orphaned PostgreSQL server did not stop within {}s; killing it", SHUTDOWN_WAIT.toSeconds());
            postmaster.destroyForcibly();
            awaitExit(postmaster);
        }
    }

    private static boolean awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
