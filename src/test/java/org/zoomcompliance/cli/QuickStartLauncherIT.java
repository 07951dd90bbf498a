package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.support.TestHomes;

/**
 * The launcher an operator runs (jobs/bin/zoom-compliance) against the packaged jar: it answers as {@code java -jar}
 * does, byte for byte and with the same exit code, unpacks the jar into an owner-only cache once, and the first
 * command that starts the application leaves a class-data archive that the next ones start with. Runs after
 * {@code package} (failsafe), since it needs the jar.
 */
class QuickStartLauncherIT {

    private static final Path JAR = Path.of("target", "zoom-compliance.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("jobs", "bin", "zoom-compliance").toAbsolutePath();

    private record Outcome(int exit, String out, String err) {
    }

    @Test
    void theLauncherAnswersAsTheJarAndItsSecondStartUsesTheArchiveTheFirstWrote() throws Exception {
        // given a fresh home and an empty cache
        Path home = TestHomes.newHome();
        Path cache = home.resolveSibling(home.getFileName() + "-cache");

        // when --help is asked of the launcher and of the jar
        Outcome help = launcher(cache, Map.of(), "--help");
        Outcome helpFromJar = run(Map.of(), List.of("java", "-jar", JAR.toString(), "--help"));

        // then the answers are the same, and no archive is written by a command that does not start the application
        assertThat(help.exit()).isZero();
        assertThat(help.out()).isEqualTo(helpFromJar.out()).contains("Usage: zoom-compliance");
        assertThat(archives(cache)).isEmpty();

        // when a command that starts the application runs twice
        Outcome first = launcher(cache, Map.of(), "--home", home.toString(), "jobs", "list");
        // -Xshare:on: the JVM refuses to start when it cannot map the archive, so an exit 0 proves it was used
        Outcome second = launcher(cache, Map.of("JAVA_OPTS", "-Xshare:on"), "--home", home.toString(), "jobs",
                "list");

        // then both answer alike, the first wrote the archive into an owner-only cache and the second started with it
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(archives(cache)).hasSize(1);
        assertThat(Files.getPosixFilePermissions(cache)).extracting(Enum::name)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");

        // and a failing command gives the jar's exit code and reason
        Outcome refused = launcher(cache, Map.of(), "--home", home.toString(), "jobs", "restart", "999999");
        Outcome refusedByJar = run(Map.of(), List.of("java", "-jar", JAR.toString(), "--home", home.toString(),
                "jobs", "restart", "999999"));
        assertThat(refused.exit()).isNotZero().isEqualTo(refusedByJar.exit());
        assertThat(refused.err()).isEqualTo(refusedByJar.err());
    }

    private static List<Path> archives(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    private static Outcome launcher(Path cache, Map<String, String> environment, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        Map<String, String> settings = new java.util.HashMap<>(environment);
        settings.put("ZOOM_COMPLIANCE_JAR", JAR.toString());
        settings.put("ZOOM_COMPLIANCE_CACHE", cache.toString());
        return run(settings, command);
    }

    private static Outcome run(Map<String, String> environment, List<String> command) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "launcher-it"));
        Path out = Files.createTempFile(folder.toAbsolutePath(), "out-", ".txt");
        Path err = Files.createTempFile(folder.toAbsolutePath(), "err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
