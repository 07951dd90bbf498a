package org.zoomcompliance.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.ZoomComplianceApplication;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.operations.OutOfRangeException;
import org.zoomcompliance.config.LoadedPolicy;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.config.PolicyException;
import org.zoomcompliance.config.PolicyFile;
import org.zoomcompliance.pseudonymisation.KeyManagement;
import org.zoomcompliance.pseudonymisation.KeyUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that needs the application: it checks the home folder and the policy file first (fast, clear
 * errors), then starts Spring with the embedded or external database, runs, and maps the outcome to an exit code
 * with a one-line reason on stderr. Logs go to the home's {@code logs/}; stdout carries the summary only, in the
 * institution's language ({@link #text}); the reasons on stderr stay English, as the logs are.
 */
abstract class PipelineCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    /** The summary's language: the policy's {@code institution.language}, once the application has started. */
    private Messages messages = Messages.of(Messages.ENGLISH);

    /** Runs the command in a started application; returns the exit code. */
    protected abstract int run(ConfigurableApplicationContext context) throws Exception;

    /** Prepares the home before its policy is read: {@code demo} installs the sample policy there. */
    protected void prepare(HomeFolder home) throws Exception {
    }

    /**
     * What is wrong with the command's own arguments (paths that do not exist, say), or null: checked before the
     * database starts, so a mistyped command line is answered at once (exit 2).
     */
    protected String argumentProblem() {
        return null;
    }

    /**
     * Whether the command refuses to run (exit 4) when a key version held cannot be used; {@code keys status}
     * shows such keys instead.
     */
    protected boolean needsUsableKeys() {
        return true;
    }

    /** Who runs the command, for the audit trail: {@code cli:} and the operating-system account. */
    protected static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** Whether the command serves web pages (only {@code serve}). */
    protected boolean web() {
        return false;
    }

    @Override
    public final Integer call() {
        String problem = argumentProblem();
        if (problem != null) {
            return fail(ExitCodes.USAGE, problem);
        }
        GlobalOptions options = effectiveOptions();
        try {
            HomeFolder home = HomeFolder.resolve(options.home).create();
            prepare(home);
            LoadedPolicy policy = PolicyFile.resolve(options.policy, home.policyFile());
            if (policy.override()) {
                out().println("policy: " + policy.origin() + ", not " + home.policyFile());
            }
            try (ConfigurableApplicationContext context = start(home, options)) {
                messages = Messages.of(context.getBean(Policy.class).institution().language().code());
                if (needsUsableKeys()) {
                    context.getBean(KeyManagement.class).requireUsable();
                }
                return run(context);
            }
        } catch (OutOfRangeException e) {
            return fail(ExitCodes.USAGE, e.getMessage());
        } catch (JobRefusedException e) {
            return fail(ExitCodes.FAILED, e.getMessage());
        } catch (PolicyException | KeyUnavailableException e) {
            return fail(ExitCodes.CONFIGURATION, e.getMessage());
        } catch (Exception e) {
            Throwable configuration = configurationCause(e);
            if (configuration != null) {
                return fail(ExitCodes.CONFIGURATION, configuration.getMessage());
            }
            return fail(ExitCodes.FAILED, JobRunner.rootMessage(e));
        }
    }

    private ConfigurableApplicationContext start(HomeFolder home, GlobalOptions options) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(HomeFolder.PROPERTY, home.root().toString());
        if (options.policy != null) {
            properties.put(PolicyFile.PROPERTY, options.policy);
        }
        properties.put("logging.file.name", home.logs().resolve("zoom-compliance.log").toString());
        if (!web()) {
            properties.put("logging.threshold.console", "OFF");
        }
        Clock clock = clock();
        return new SpringApplicationBuilder(ZoomComplianceApplication.class)
                .web(web() ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .properties(properties)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run();
    }

    /** The clock of the command line this command belongs to. */
    private Clock clock() {
        for (CommandLine line = spec.commandLine(); line != null; line = line.getParent()) {
            if (line.getCommand() instanceof ZoomComplianceCommand root) {
                return root.clock;
            }
        }
        return Clock.systemDefaultZone();
    }

    /** The global options given to this command or to any command above it. */
    private GlobalOptions effectiveOptions() {
        GlobalOptions options = global;
        for (CommandLine parent = spec.commandLine().getParent(); parent != null; parent = parent.getParent()) {
            Object command = parent.getCommand();
            if (command instanceof ZoomComplianceCommand root) {
                options = options.orElse(root.global);
            } else if (command instanceof PipelineCommand outer) {
                options = options.orElse(outer.global);
            } else if (command instanceof CommandGroup group) {
                options = options.orElse(group.global);
            }
        }
        return options;
    }

    private static Throwable configurationCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PolicyException || cause instanceof KeyUnavailableException) {
                return cause;
            }
        }
        return null;
    }

    /**
     * A summary text in the institution's language (the {@code cli.} keys of the bundles). Numbers are given as
     * digits without grouping, so that the English summary reads as it always has and scripts can still parse it.
     */
    protected String text(String key, Object... arguments) {
        return messages.get(key, Arrays.stream(arguments)
                .map(argument -> argument instanceof Number ? argument.toString() : argument).toArray());
    }

    /** The institution's messages, for summaries a capability writes itself (the night's). */
    protected Messages messages() {
        return messages;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected int fail(int code, String reason) {
        spec.commandLine().getErr().println("zoom-compliance " + spec.qualifiedName(" ").replaceFirst("^\\S+ ", "")
                + ": " + oneLine(reason));
        spec.commandLine().getErr().flush();
        return code;
    }

    /** Exit code of a job execution, printing the reason when it did not complete. */
    protected int exitCodeOf(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return ExitCodes.OK;
        }
        return fail(ExitCodes.FAILED, JobRunner.reason(execution));
    }

    /** For commands whose capability arrives with a later change. */
    protected int notAvailable(String capability) {
        return fail(ExitCodes.NOT_AVAILABLE, capability + " is not available in this build yet");
    }

    private static String oneLine(String text) {
        return text == null ? "failed" : text.lines().findFirst().orElse("failed").strip();
    }
}
