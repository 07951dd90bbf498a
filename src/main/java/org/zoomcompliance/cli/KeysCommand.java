package org.zoomcompliance.cli;

import java.io.PrintWriter;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.pseudonymisation.KeyManagement;
import org.zoomcompliance.pseudonymisation.PseudonymKey;
import picocli.CommandLine.Command;

/** {@code keys}: the pseudonymisation key. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Show or rotate the pseudonymisation key.",
        subcommands = {KeysCommand.Status.class, KeysCommand.Rotate.class})
final class KeysCommand extends CommandGroup {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show key versions and the stored rows using each (never the secret).")
    static final class Status extends PipelineCommand {
        /** It lists an unusable key with its problem, then exits 4, rather than refusing at once. */
        @Override
        protected boolean needsUsableKeys() {
            return false;
        }

        @Override
        protected int run(ConfigurableApplicationContext context) {
            PrintWriter out = out();
            int problems = 0;
            List<KeyManagement.KeyStatus> keys = context.getBean(KeyManagement.class).status();
            if (keys.isEmpty()) {
                out.println("no key yet: version 1 is generated when first needed (or run keys rotate)");
                out.flush();
                return ExitCodes.OK;
            }
            out.printf("%-8s %-8s %-20s %12s %12s %12s %13s  %s%n", "version", "current", "created", "participants",
                    "dashboard", "sign-ins", "registrations", "source");
            for (KeyManagement.KeyStatus key : keys) {
                out.printf("%-8d %-8s %-20s %12d %12d %12d %13d  %s%n", key.version(), key.current() ? "yes" : "",
                        key.created() == null ? "-" : key.created().toString().replaceFirst("\\.\\d+Z$", "Z"),
                        key.usage().participantJoin(), key.usage().dashboardParticipant(), key.usage().signIn(),
                        key.usage().webinarRegistration(), key.source());
                if (key.problem() != null) {
                    out.println("         problem: " + key.problem());
                    problems++;
                }
            }
            out.flush();
            return problems == 0 ? ExitCodes.OK : fail(ExitCodes.CONFIGURATION, problems + " key version(s) unusable");
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Start a new key version; older versions stay until retention finds no row using them.")
    static final class Rotate extends PipelineCommand {
        @Override
        protected int run(ConfigurableApplicationContext context) {
            PseudonymKey key = context.getBean(KeyManagement.class).rotate();
            out().println("key version " + key.version() + " is now current; older versions stay for look-ups"
                    + " until retention purges their last rows");
            out().flush();
            return ExitCodes.OK;
        }
    }
}
