package org.zoomcompliance.support;

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

/**
 * A JVM a test starts on this test classpath (a child that runs the application, or part of it, so that the test
 * can kill it at a chosen moment): its output read line by line to know when to strike, its input written to tell
 * it what to do.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;
    private final PrintWriter input;
    private final List<String> lines = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts {@code mainClass} with the JVM options (heap, {@code -Dname=value}) and arguments given. */
    public static ChildJvm start(Class<?> mainClass, List<String> jvmOptions, List<String> arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(arguments);
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Reads the child's output up to the line starting with {@code prefix}; fails if it ends first. */
    public String awaitLine(String prefix) throws IOException {
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

    public void send(String line) {
        input.println(line);
    }

    /** Ends the child's input, which makes it close what it opened and exit; returns its exit code. */
    public int finish() throws InterruptedException, IOException {
        input.close();
        return awaitExit();
    }

    /** Reads the rest of the output and waits for the child to end; returns its exit code. */
    public int awaitExit() throws InterruptedException, IOException {
        for (String line; (line = output.readLine()) != null; ) {
            lines.add(line);
        }
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the child ended").isTrue();
        return process.exitValue();
    }

    /** What the child printed so far. */
    public String output() {
        return String.join("\n", lines);
    }

    /** SIGKILL: no shutdown hook, no clean-up, an embedded server it started orphaned. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child died").isTrue();
    }

    /** SIGTERM: what a service stop or a reboot sends first. */
    public void terminate() {
        process.toHandle().destroy();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
