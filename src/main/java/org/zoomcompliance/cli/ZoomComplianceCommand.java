package org.zoomcompliance.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: {@code java -jar zoom-compliance.jar COMMAND [options]}. */
@Command(name = "zoom-compliance",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compliance pipeline for Zoom exports: ingest, pseudonymise, evaluate the policy, report to the DPO.",
        footer = {"", "Exit codes: 0 completed, 1 failed or refused, 2 usage, 3 not available, 4 configuration."},
        subcommands = {
            DemoCommand.class,
            IngestCommand.class,
            PullCommand.class,
            EvaluateCommand.class,
            RetentionCommand.class,
            ReportCommand.class,
            NightlyCommand.class,
            ServeCommand.class,
            JobsCommand.class,
            KeysCommand.class,
            AuditCommand.class,
            LookupCommand.class,
            SubjectCommand.class
        })
public class ZoomComplianceCommand implements Runnable {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    /** What every command takes as now: the system's clock, or a fixed one in tests. */
    final Clock clock;

    private ZoomComplianceCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** Parses and runs a command line; returns the process exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return commandLine(Clock.systemDefaultZone());
    }

    /** The command line reading now from {@code clock}: tests run commands as of a fixed day. */
    public static CommandLine commandLine(Clock clock) {
        CommandLine commandLine = new CommandLine(new ZoomComplianceCommand(clock));
        // The tools (generate, parse-floor) are in their own jar: listed only when it is on the class path.
        for (ToolCommand tool : ServiceLoader.load(ToolCommand.class, ZoomComplianceCommand.class.getClassLoader())) {
            commandLine.addSubcommand(tool);
        }
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        commandLine.registerConverter(YearMonth.class, ZoomComplianceCommand::month);
        commandLine.registerConverter(LocalDate.class, ZoomComplianceCommand::date);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(value, MONTH);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a month like 2026-10");
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date like 2026-10-31");
        }
    }
}
