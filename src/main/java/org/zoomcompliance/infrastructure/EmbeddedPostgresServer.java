package org.zoomcompliance.infrastructure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zoomcompliance.config.HomeFolder;

/**
 * The embedded PostgreSQL cluster kept under the home folder ({@code HOME/postgres}), shared by every
 * zoom-compliance process using that home; who may connect to it is set by {@link EmbeddedPostgresAccess}.
 *
 * <p>Sharing rule: a process that opens the cluster takes the home's start lock (waiting, within a bound, while
 * another process starts or stops it), then a shared "users" lock that it keeps until it closes. If nobody else held
 * the users lock, the server is not in use: a postmaster left running by a killed process is stopped, a stale pid file
 * removed, and this process starts the server; it then admits no other process before it is ready (its start-up
 * recovery of stale job executions, see {@link StaleExecutionRecovery}, cannot hit another process's job). Otherwise
 * it connects to the running server (port from {@code postmaster.pid}, passwords from the owner-only folder). On
 * close, the process that finds itself the last user stops the server, whichever process started it; a process killed
 * without closing releases its locks with its death, and the next start finds an orphan to stop. Within one JVM,
 * openings of the same home share one membership.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final String PID_FILE = "postmaster.pid";
    /** The lock file zonky's EmbeddedPostgres, used by earlier versions, holds for as long as its JVM lives. */
    private static final String EARLIER_VERSION_LOCK = "epg-lock";
    private static final Duration START_WAIT = Duration.ofMinutes(5);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    private static final Map<Path, Object> GUARDS = new ConcurrentHashMap<>();
    private static final Map<Path, Membership> OPEN = new ConcurrentHashMap<>();

    /**
     * How the server is run when this process starts it: where its binaries are unpacked (an owner-only folder), and
     * whether fsync and synchronous commit are turned off, which only a test suite may want (a power cut could then
     * corrupt the cluster).
     */
    public record Options(Path binaries, boolean testOnlyRelaxedDurability) {

        /** Binaries under the home's owner-only folder, full durability. */
        public static Options defaults(HomeFolder home) {
            return new Options(home.postgresBinaries(), false);
        }
    }

    private final Membership membership;
    private final boolean startedHere;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(Membership membership, boolean startedHere) {
        this.membership = membership;
        this.startedHere = startedHere;
    }

    /** Opens the home's cluster with the default options. */
    public static EmbeddedPostgresServer open(HomeFolder home) throws IOException {
        return open(home, Options.defaults(home));
    }

    /** Opens the home's cluster: starts it (creating or migrating it first if needed), or joins it if running. */
    public static EmbeddedPostgresServer open(HomeFolder home, Options options) throws IOException {
        Files.createDirectories(home.postgres());
        Path key = home.postgres().toRealPath();
        synchronized (GUARDS.computeIfAbsent(key, path -> new Object())) {
            Membership membership = OPEN.get(key);
            boolean first = membership == null;
            if (first) {
                membership = Membership.join(home, options);
                OPEN.put(key, membership);
            }
            membership.handles++;
            return new EmbeddedPostgresServer(membership, first && membership.startedServer);
        }
    }

    /** JDBC URL of the service's database, on the loopback address. */
    public String jdbcUrl() {
        return EmbeddedPostgresAccess.url(membership.port, EmbeddedPostgresAccess.DATABASE);
    }

    /** The service's role: owns its database, is not a superuser. */
    public String username() {
        return EmbeddedPostgresAccess.ROLE;
    }

    public String password() {
        return membership.secrets.service();
    }

    public int port() {
        return membership.port;
    }

    /** An unpooled data source of the service's database, as the service's role. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(username());
        dataSource.setPassword(password());
        return dataSource;
    }

    /**
     * Whether this opening started the server with no other process using it: until {@link #admitOthers()}, no
     * other process can join, so nothing else runs on the database.
     */
    public boolean startedHere() {
        return startedHere;
    }

    /** Lets other processes join a server this process started (called once the application is ready). */
    public void admitOthers() {
        synchronized (GUARDS.get(membership.key)) {
            membership.admitOthers();
        }
    }

    /** Leaves the cluster; the last process to leave stops the server. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        synchronized (GUARDS.get(membership.key)) {
            if (--membership.handles == 0) {
                OPEN.remove(membership.key);
                membership.leave();
            }
        }
    }

    /** This JVM's use of one home's cluster: the locks it holds and where the server listens. */
    private static final class Membership {

        private final Path key;
        private final Path data;
        private final Path logFile;
        private final PostgresBinaries binaries;
        private final FileChannel startChannel;
        private final FileChannel usersChannel;
        private FileLock start;
        private FileLock using;
        private int port;
        private EmbeddedPostgresAccess.Secrets secrets;
        private boolean startedServer;
        private int handles;

        private Membership(Path key, Path data, Path logFile, PostgresBinaries binaries, FileChannel startChannel,
                FileChannel usersChannel) {
            this.key = key;
            this.data = data;
            this.logFile = logFile;
            this.binaries = binaries;
            this.startChannel = startChannel;
            this.usersChannel = usersChannel;
        }

        static Membership join(HomeFolder home, Options options) throws IOException {
            Path data = home.postgres();
            Path privateFolder = OwnerOnly.directory(home.postgresPrivate());
            Path logFile = home.ensure(home.logs()).resolve("postgres.log");
            FileChannel startChannel = lockFile(privateFolder.resolve("start.lock"));
            FileChannel usersChannel = lockFile(privateFolder.resolve("users.lock"));
            Membership membership = null;
            boolean serverStarted = false;
            try {
                FileLock start = waitFor(startChannel, data);
                membership = new Membership(home.postgres().toRealPath(), data, logFile,
                        PostgresBinaries.prepare(options.binaries()), startChannel, usersChannel);
                membership.start = start;
                FileLock alone = usersChannel.tryLock();
                Optional<Integer> running = Optional.empty();
                if (alone != null) {
                    clearLeftovers(data, membership.binaries, logFile);
                } else {
                    running = runningPort(data);
                }
                if (running.isPresent()) {
                    membership.port = running.get();
                } else {
                    Files.deleteIfExists(data.resolve(PID_FILE));
                    membership.port = startServer(membership.binaries, data, privateFolder, logFile, options);
                    serverStarted = true;
                    // a server restarted while other processes still held it (it had died under them) is theirs too
                    membership.startedServer = alone != null;
                }
                if (alone != null) {
                    alone.release();
                }
                // no process can hold the users lock exclusively now: that takes the start lock, held here
                membership.using = usersChannel.lock(0, Long.MAX_VALUE, true);
                membership.secrets = EmbeddedPostgresAccess.secrets(privateFolder);
                checkReachable(membership);
                if (!membership.startedServer) {
                    membership.admitOthers();
                }
                return membership;
            } catch (IOException | RuntimeException e) {
                if (serverStarted && membership.startedServer) {
                    stopServer(membership.binaries, data, logFile);
                }
                startChannel.close();
                usersChannel.close();
                throw e;
            }
        }

        void admitOthers() {
            if (start == null) {
                return;
            }
            try {
                start.release();
            } catch (IOException e) {
                log.warn("could not release the start lock of the embedded database in {}: {}", data, e.getMessage());
            }
            start = null;
        }

        void leave() {
            try {
                if (start == null) {
                    start = waitFor(startChannel, data);
                }
                using.release();
                FileLock alone = usersChannel.tryLock();
                if (alone != null) {
                    stopServer(binaries, data, logFile);
                    alone.release();
                } else {
                    log.info("leaving the embedded database in {} running for the other processes using it", data);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("could not leave the embedded database in {} cleanly ({}); the next start will stop a"
                        + " server nobody uses", data, e.getMessage());
            } finally {
                closeQuietly(startChannel);
                closeQuietly(usersChannel);
            }
        }

        private static void checkReachable(Membership membership) throws IOException {
            try (Connection connection = EmbeddedPostgresAccess.connect(membership.port, EmbeddedPostgresAccess.DATABASE,
                    EmbeddedPostgresAccess.ROLE, membership.secrets.service())) {
                connection.isValid(30);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to the embedded database in " + membership.data
                        + " on 127.0.0.1:" + membership.port + ": " + e.getMessage(), e);
            }
        }
    }

    private static FileChannel lockFile(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The exclusive start lock, waited for while another process starts or stops the server. */
    private static FileLock waitFor(FileChannel channel, Path data) throws IOException {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        boolean told = false;
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (!told) {
                log.info("waiting for another zoom-compliance process to finish starting or stopping the embedded"
                        + " database in {}", data);
                told = true;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("another zoom-compliance process has been starting or stopping the"
                        + " embedded database in " + data + " for more than " + START_WAIT.toMinutes()
                        + " minutes; see its log, or logs/postgres.log");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the embedded database", e);
            }
        }
    }

    private static int startServer(PostgresBinaries binaries, Path data, Path privateFolder, Path logFile,
            Options options) throws IOException {
        boolean setUp = EmbeddedPostgresAccess.setUpNeeded(data, privateFolder);
        if (setUp) {
            EmbeddedPostgresAccess.prepare(binaries, data, privateFolder, logFile);
        }
        int port = launch(binaries, data, logFile, options);
        if (setUp) {
            try {
                EmbeddedPostgresAccess.complete(data, port, EmbeddedPostgresAccess.secrets(privateFolder));
            } catch (SQLException | IOException | RuntimeException e) {
                stopServer(binaries, data, logFile);
                throw new IllegalStateException("could not set up access to the embedded database in " + data + ": "
                        + e.getMessage(), e);
            }
        }
        log.info("started the embedded PostgreSQL server of {} on 127.0.0.1:{}", data, port);
        return port;
    }

    /** Starts the postmaster, on a free loopback port (another one if that port was taken meanwhile). */
    private static int launch(PostgresBinaries binaries, Path data, Path logFile, Options options) throws IOException {
        String durability = options.testOnlyRelaxedDurability() ? "off" : "on";
        if (options.testOnlyRelaxedDurability()) {
            log.warn("the embedded database runs with fsync and synchronous_commit off (test-only setting)");
        }
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freePort();
            String settings = String.join(" ", List.of(
                    "-c listen_addresses=127.0.0.1",
                    "-c port=" + port,
                    "-c unix_socket_directories=''",
                    "-c password_encryption=scram-sha-256",
                    "-c max_connections=60",
                    "-c timezone=UTC",
                    "-c fsync=" + durability,
                    "-c synchronous_commit=" + durability,
                    "-c full_page_writes=on"));
            try {
                EmbeddedPostgresAccess.run(binaries.command("pg_ctl", "start", "-D", data.toString(), "-l",
                        logFile.toString(), "-w", "-t", "120", "-o", settings), logFile, null);
                return port;
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw new IllegalStateException("could not start the embedded database in " + data + ": "
                + failure.getMessage(), failure);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }

    private static void stopServer(PostgresBinaries binaries, Path data, Path logFile) {
        try {
            EmbeddedPostgresAccess.run(binaries.command("pg_ctl", "stop", "-D", data.toString(), "-m", "fast", "-w",
                    "-t", String.valueOf(STOP_WAIT.toSeconds())), logFile, null);
        } catch (IOException | RuntimeException e) {
            log.error("could not stop the embedded PostgreSQL server in {}: {}", data, e.getMessage());
        }
    }

    /** Stops an orphaned postmaster or removes a stale pid file; called only when no process uses the cluster. */
    static void clearLeftovers(Path data, PostgresBinaries binaries, Path logFile) throws IOException {
        refuseIfHeldByAnEarlierVersion(data);
        Path pidFile = data.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmasterOf(pidFile);
        if (postmaster.isPresent()) {
            log.warn("stopping the orphaned PostgreSQL server (pid {}) left by a process that did not shut down",
                    postmaster.get().pid());
            stopServer(binaries, data, logFile);
            if (postmaster.get().isAlive()) {
                postmaster.get().destroyForcibly();
                awaitExit(postmaster.get());
            }
        }
        if (Files.deleteIfExists(pidFile)) {
            log.warn("removed the stale {} of the embedded database", PID_FILE);
        }
    }

    /** An earlier version's process holds zonky's lock on the data folder while it runs: never touched. */
    private static void refuseIfHeldByAnEarlierVersion(Path data) throws IOException {
        Path lockFile = data.resolve(EARLIER_VERSION_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException inThisJvm) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("the embedded database in " + data + " is in use by a zoom-compliance"
                        + " process of an earlier version; stop it, then start again");
            }
            lock.release();
        }
    }

    /** The port of the server running on the cluster, if its postmaster is alive. */
    private static Optional<Integer> runningPort(Path data) throws IOException {
        Path pidFile = data.resolve(PID_FILE);
        if (!Files.exists(pidFile) || postmasterOf(pidFile).isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        try {
            return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The live postgres process named by the pid file, if any (the pid may have been reused by another program). */
    private static Optional<ProcessHandle> postmasterOf(Path pidFile) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
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

    private static boolean awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
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

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("could not close a lock file of the embedded database: {}", e.getMessage());
        }
    }
}
