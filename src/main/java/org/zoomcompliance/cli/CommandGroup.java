package org.zoomcompliance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups sub-commands ({@code jobs}, {@code keys}): alone, it shows its usage. */
abstract class CommandGroup implements Runnable {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
