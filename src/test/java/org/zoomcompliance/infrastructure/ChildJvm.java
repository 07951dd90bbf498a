package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An {@link EmbeddedPostgresChild} JVM: its output read line by line, its input written to tell it what to do. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;
    private final PrintWriter input;
    private final List<String> lines = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    static ChildJvm start(String mode, HomeFolder home) throws IOException {
        return new ChildJvm(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), EmbeddedPostgresChild.class.getName(), mode,
                home.root().toString())
                .redirectErrorStream(true)
                .start());
    }

    /** Reads the child's output up to the line starting with {@code prefix}; fails if it ends first. */
    String awaitLine(String prefix) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            lines.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the child ended without printing " + prefix + "; its output:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
    }

    void send(String line) {
        input.println(line);
    }

    /** Ends the child's input, which makes it close what it opened and exit; returns its exit code. */
    int finish() throws InterruptedException, IOException {
        input.close();
        return awaitExit();
    }

    int awaitExit() throws InterruptedException, IOException {
        for (String line; (line = output.readLine()) != null; ) {
            lines.add(line);
        }
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the child ended").isTrue();
        return process.exitValue();
    }

    String output() {
        return String.join("\n", lines);
    }

    /** SIGKILL: no clean-up, the embedded server it started orphaned. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child died").isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
