package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.support.TestClocks;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;

/**
 * The README promises an external PostgreSQL of version 15 or later (SPRING_DATASOURCE_URL): the demo's whole chain
 * runs on the oldest one a Debian machine installs (its {@code postgresql} package, 15 on bookworm), in a cluster
 * this test starts, and a second run adds nothing. Skipped, saying so, when the package is not installed.
 */
class ExternalDatabaseDemoTest {

    private static final String PASSWORD = "external-test";

    @Test
    void theDemoRunsOnAnExternalServerOfTheOldestSupportedVersion() throws Exception {
        Optional<Path> binaries = debianPostgres();
        Assumptions.assumeTrue(binaries.isPresent(), "ExternalDatabaseDemoTest skipped: no /usr/lib/postgresql/*/bin"
                + " (install Debian's postgresql package, as .ci/run does)");
        boolean root = "root".equals(System.getProperty("user.name"));
        // PostgreSQL refuses to run as root: the cluster then belongs to the package's postgres account, in a
        // folder it can reach (the test homes are owner-only)
        Path cluster = Files.createTempDirectory("zoom-compliance-external-");
        Path data = cluster.resolve("data");
        Path passwordFile = cluster.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
        int port = freePort();
        if (root) {
            run(List.of("chown", "-R", "postgres", cluster.toString()));
        }
        run(asPostgres(root, binaries.get().resolve("initdb").toString(), "-D", data.toString(), "-U",
                "zoom_compliance", "--pwfile=" + passwordFile, "-A", "scram-sha-256"));
        run(asPostgres(root, binaries.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                cluster.resolve("server.log").toString(), "-w", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start"));
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/zoom_compliance";
        try {
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                    + "/postgres", "zoom_compliance", PASSWORD)) {
                connection.createStatement().execute("create database zoom_compliance");
            }
            System.setProperty("spring.datasource.url", url);
            System.setProperty("spring.datasource.username", "zoom_compliance");
            System.setProperty("spring.datasource.password", PASSWORD);

            // when the demo runs on it, twice
            Path home = TestHomes.newHome();
            StringWriter first = new StringWriter();
            int firstExit = demo(first, home);
            StringWriter second = new StringWriter();
            int secondExit = demo(second, home);

            // then the first ingests and evaluates the sample month as on the embedded server, the second adds nothing
            assertThat(firstExit).as(first.toString()).isEqualTo(ExitCodes.OK);
            assertThat(first.toString()).contains("17 ingested, 0 already ingested, 2 quarantined, 0 failed",
                    "evaluated 2026-10", "total                                   24");
            assertThat(secondExit).as(second.toString()).isEqualTo(ExitCodes.OK);
            assertThat(second.toString()).contains("0 ingested, 17 already ingested",
                    "total                                   24");
        } finally {
            System.clearProperty("spring.datasource.url");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("spring.datasource.password");
            run(asPostgres(root, binaries.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast",
                    "-w", "stop"));
            try (Stream<Path> files = Files.walk(cluster)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static int demo(StringWriter out, Path home) {
        CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return commandLine.execute("--home", home.toString(), "demo");
    }

    /** The binaries of the oldest PostgreSQL that Debian's packages installed, if any. */
    private static Optional<Path> debianPostgres() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(versions)) {
            return installed.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .min(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D.*", ""))));
        }
    }

    private static List<String> asPostgres(boolean root, String... command) {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        return line;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
