package org.zoomcompliance.infrastructure;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may reach the embedded cluster, and how: password (SCRAM-SHA-256) authentication over the loopback address
 * only, no Unix socket, for the service's own role, which owns its database and is not a superuser (so it can read no
 * server file and run no program). The superuser's password is as random, and its TCP log-in is rejected except
 * while this class sets the cluster up. Both passwords live in the home's owner-only {@code postgres-private} folder.
 *
 * <p>Set-up runs when that folder lacks a password or {@code pg_hba.conf} is not the one written here: on a fresh
 * home, and on a home created by an earlier version (initialised by zonky with {@code trust} for everybody, its data
 * in the {@code postgres} database owned by the superuser). That cluster is migrated in place: the superuser gets its
 * password in single-user mode (no connection is ever trusted), the {@code postgres} database becomes the
 * service's database, and everything in it is handed to the service's role. Each step can run again after a crash.
 */
final class EmbeddedPostgresAccess {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAccess.class);

    /** The service's role, and its database. */
    static final String ROLE = "zoom_compliance";
    static final String DATABASE = "zoom_compliance";
    static final String SUPERUSER = "postgres";

    private static final String SUPERUSER_PASSWORD = "superuser-password";
    private static final String SERVICE_PASSWORD = "service-password";
    private static final String HBA = "pg_hba.conf";

    private static final String HBA_HEADER = """
            # Written by zoom-compliance at every set-up: password (SCRAM) log-in over 127.0.0.1 only (the server
            # listens on no other address and on no Unix socket); any other role, database or address is refused.
            """;
    private static final String SERVING_HBA = HBA_HEADER + """
            host    all              postgres         127.0.0.1/32    reject
            host    zoom_compliance  zoom_compliance  127.0.0.1/32    scram-sha-256
            """;
    private static final String SETTING_UP_HBA = HBA_HEADER + """
            host    all              postgres         127.0.0.1/32    scram-sha-256
            host    zoom_compliance  zoom_compliance  127.0.0.1/32    scram-sha-256
            """;

    private static final long COMMAND_TIMEOUT_SECONDS = 300;

    /** The two generated passwords. */
    record Secrets(String superuser, String service) {

        @Override
        public String toString() {
            return "Secrets[hidden]";
        }
    }

    private EmbeddedPostgresAccess() {
    }

    /** The passwords kept in the owner-only folder; fails with a clear message if they are missing. */
    static Secrets secrets(Path privateFolder) throws IOException {
        OwnerOnly.directory(privateFolder);
        Path superuser = privateFolder.resolve(SUPERUSER_PASSWORD);
        Path service = privateFolder.resolve(SERVICE_PASSWORD);
        if (!Files.isRegularFile(superuser) || !Files.isRegularFile(service)) {
            throw new IllegalStateException("the embedded database's passwords are missing from " + privateFolder
                    + "; stop every zoom-compliance process on this home and start again to set them anew");
        }
        return new Secrets(Files.readString(superuser, StandardCharsets.US_ASCII).trim(),
                Files.readString(service, StandardCharsets.US_ASCII).trim());
    }

    /** Whether the cluster must be set up (created, migrated, or its passwords renewed) before it serves. */
    static boolean setUpNeeded(Path data, Path privateFolder) throws IOException {
        Path hba = data.resolve(HBA);
        return !Files.isRegularFile(privateFolder.resolve(SUPERUSER_PASSWORD))
                || !Files.isRegularFile(privateFolder.resolve(SERVICE_PASSWORD))
                || !Files.isRegularFile(data.resolve("PG_VERSION"))
                || !Files.isRegularFile(hba)
                || !Files.readString(hba, StandardCharsets.UTF_8).equals(SERVING_HBA);
    }

    /**
     * The part of the set-up done with the server stopped: passwords generated if missing, a fresh cluster created
     * (or, for an existing one, the superuser's password set in single-user mode), and the set-up rules written.
     */
    static void prepare(PostgresBinaries binaries, Path data, Path privateFolder, Path logFile) throws IOException {
        OwnerOnly.directory(privateFolder);
        Secrets secrets = new Secrets(passwordIn(privateFolder.resolve(SUPERUSER_PASSWORD)),
                passwordIn(privateFolder.resolve(SERVICE_PASSWORD)));
        if (Files.isRegularFile(data.resolve("PG_VERSION"))) {
            log.warn("setting up access to the embedded database in {} (a home of an earlier version is migrated:"
                    + " trust removed, passwords set, its data handed to the {} role)", data, ROLE);
            run(binaries.command("postgres", "--single", "-D", data.toString(), "template1"), logFile,
                    "ALTER ROLE " + SUPERUSER + " PASSWORD '" + verifier(secrets.superuser()) + "'\n");
        } else {
            initialise(binaries, data, privateFolder.resolve(SUPERUSER_PASSWORD), logFile);
        }
        Files.writeString(data.resolve(HBA), SETTING_UP_HBA, StandardCharsets.UTF_8);
    }

    /** The part of the set-up done on the running server, ending with the serving rules in force. */
    static void complete(Path data, int port, Secrets secrets) throws IOException, SQLException {
        try (Connection template = connect(port, "template1", SUPERUSER, secrets.superuser());
                Statement sql = template.createStatement()) {
            String attributes = " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
                    + verifier(secrets.service()) + "'";
            sql.execute((exists(sql, "select 1 from pg_roles where rolname = '" + ROLE + "'") ? "alter role " : "create role ")
                    + ROLE + attributes);
            if (!exists(sql, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (exists(sql, "select 1 from pg_database where datname = 'postgres'") && holdsData(port, secrets)) {
                    // the earlier version kept everything in the superuser's "postgres" database
                    sql.execute("alter database postgres rename to " + DATABASE);
                } else {
                    sql.execute("create database " + DATABASE);
                }
            }
            sql.execute("alter database " + DATABASE + " owner to " + ROLE);
            sql.execute("revoke all on database " + DATABASE + " from public");
            try (Connection service = connect(port, DATABASE, SUPERUSER, secrets.superuser());
                    Statement owned = service.createStatement()) {
                owned.execute(HAND_OVER);
            }
            Files.writeString(data.resolve(HBA), SERVING_HBA, StandardCharsets.UTF_8);
            sql.execute("select pg_reload_conf()");
        }
    }

    /** A JDBC URL of the service's database on the loopback address. */
    static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "30");
        return DriverManager.getConnection(url(port, database), properties);
    }

    /** Ownership of every object of the service's schema moves to its role; a table's own sequences follow it. */
    private static final String HAND_OVER = """
            do $$
            declare
                item record;
            begin
                for item in
                    select format('alter %s %s owner to zoom_compliance', case c.relkind when 'v' then 'view'
                               when 'm' then 'materialized view' when 'f' then 'foreign table' when 'c' then 'type'
                               else 'table' end, c.oid::regclass) as statement
                    from pg_class c
                    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f', 'c')
                      and c.relowner <> 'zoom_compliance'::regrole
                loop
                    execute item.statement;
                end loop;
                for item in
                    select format('alter sequence %s owner to zoom_compliance', c.oid::regclass) as statement
                    from pg_class c
                    where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
                      and c.relowner <> 'zoom_compliance'::regrole
                loop
                    execute item.statement;
                end loop;
                for item in
                    select format('alter routine %s owner to zoom_compliance', p.oid::regprocedure) as statement
                    from pg_proc p
                    where p.pronamespace = 'public'::regnamespace and p.proowner <> 'zoom_compliance'::regrole
                loop
                    execute item.statement;
                end loop;
                for item in
                    select format('alter type %s owner to zoom_compliance', t.oid::regtype) as statement
                    from pg_type t
                    where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'r')
                      and t.typowner <> 'zoom_compliance'::regrole
                loop
                    execute item.statement;
                end loop;
            end $$""";

    private static boolean holdsData(int port, Secrets secrets) throws SQLException {
        try (Connection postgres = connect(port, "postgres", SUPERUSER, secrets.superuser());
                Statement sql = postgres.createStatement()) {
            return exists(sql, "select 1 from pg_class where relnamespace = 'public'::regnamespace");
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery("select exists (" + query + ")")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    /** The SCRAM verifier of a password: what the server stores, so the clear password never reaches it. */
    private static String verifier(String password) {
        return PasswordUtil.encodeScramSha256(password.toCharArray());
    }

    /** The password kept in {@code file}, generated (32 random bytes) if there is none yet. */
    private static String passwordIn(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            OwnerOnly.write(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    /**
     * A new cluster, created beside the data folder then moved into place, so that a kill during {@code initdb}
     * leaves no half-made cluster where the next start would look for one.
     */
    private static void initialise(PostgresBinaries binaries, Path data, Path passwordFile, Path logFile) throws IOException {
        Files.createDirectories(data);
        try (Stream<Path> content = Files.list(data)) {
            if (content.findAny().isPresent()) {
                throw new IllegalStateException(data + " holds files but no PostgreSQL cluster; move them away"
                        + " (or restore the cluster) and start again");
            }
        }
        Path creating = data.resolveSibling(data.getFileName() + ".initdb");
        PostgresBinaries.deleteTree(creating);
        run(binaries.command("initdb", "--auth=scram-sha-256", "--username=" + SUPERUSER, "--pwfile=" + passwordFile,
                "--encoding=UTF-8", "--no-instructions", "-D", creating.toString()), logFile, null);
        Files.delete(data);
        Files.move(creating, data, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Runs one of the PostgreSQL tools to its end, its output appended to the server's log. */
    static void run(List<String> command, Path logFile, String input) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (input == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        Process process = builder.start();
        if (input != null) {
            try (OutputStream in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String tool = Path.of(command.stream().filter(part -> part.contains("/")).findFirst().orElse(command.get(0)))
                .getFileName().toString();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within " + COMMAND_TIMEOUT_SECONDS
                        + "s; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + tool, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(tool + " failed (exit " + process.exitValue() + "); see " + logFile);
        }
    }
}
