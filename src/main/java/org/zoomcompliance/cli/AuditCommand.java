package org.zoomcompliance.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.operations.AuditLog;
import picocli.CommandLine.Command;

/** {@code audit}: the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the audit trail.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand extends CommandGroup {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the audit trail's hash chain: exit 0 when intact, 1 naming the first broken row.",
                "Keep the printed last hash elsewhere: it tells later whether the chain up to that row was rewritten."})
    static final class Verify extends PipelineCommand {
        @Override
        protected int run(ConfigurableApplicationContext context) {
            AuditLog.Verification verification = context.getBean(AuditLog.class).verify();
            if (!verification.intact()) {
                return fail(ExitCodes.FAILED, "the audit trail is broken at row " + verification.brokenId() + ": "
                        + verification.problem());
            }
            out().println(verification.rows() == 0 ? "the audit trail is empty"
                    : "the audit trail is intact: " + verification.rows() + " row(s); last row "
                            + verification.lastId() + ", hash " + verification.lastHash());
            out().flush();
            return ExitCodes.OK;
        }
    }
}
