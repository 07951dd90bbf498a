package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link FaultsChild} JVM run by a test: its output is read line by line to know when to strike. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;
    private final List<String> lines = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts the child on a home folder, running a job or an ingest; {@code properties} (name=value) are system
     * properties of the child: {@link FaultsChild#BLOCK_PROPERTY} names the SQL where it waits.
     */
    static ChildJvm run(Path home, List<String> properties, String jobName, String... parameters) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path")));
        properties.forEach(property -> command.add("-D" + property));
        command.add(FaultsChild.class.getName());
        command.add(home.toString());
        command.add(jobName);
        command.addAll(List.of(parameters));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
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

    /** SIGKILL: no shutdown hook, no clean-up, the embedded PostgreSQL server orphaned. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child died").isTrue();
    }

    /** SIGTERM: what a service stop or a reboot sends first. */
    void terminate() {
        process.toHandle().destroy();
    }

    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the child ended").isTrue();
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
