package org.zoomcompliance.cli;

/**
 * A command that is not in the production jar but in the tools jar ({@code generate}, {@code parse-floor}): a
 * picocli {@code @Command} with a public no-argument constructor, listed in that jar's
 * {@code META-INF/services/org.zoomcompliance.cli.ToolCommand}. The command line adds every one it finds on the
 * class path, so the production code never depends on the tools (see the README's Benchmark section).
 */
public interface ToolCommand {
}
