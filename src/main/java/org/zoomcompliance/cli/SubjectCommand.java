package org.zoomcompliance.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.policy.PolicyEvaluation;
import org.zoomcompliance.report.MonthlyReport;
import org.zoomcompliance.subject.DeviationNotes;
import org.zoomcompliance.subject.SubjectAccess;
import org.zoomcompliance.subject.SubjectErasure;
import org.zoomcompliance.subject.SubjectFinder;
import org.zoomcompliance.subject.SubjectRequest;
import org.zoomcompliance.subject.SubjectRestriction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code subject}: data-subject requests (GDPR art. 15 to 18), audited as {@code cli:USER}. The identifier given is
 * held in memory only: neither the output, nor an error, nor the audit trail repeats it.
 */
@Command(name = "subject", mixinStandardHelpOptions = true,
        description = "Data-subject requests: access, erasure, restriction (GDPR art. 15, 17, 18), notes and holds.",
        subcommands = {SubjectCommand.Access.class, SubjectCommand.Erase.class, SubjectCommand.Restrict.class,
                SubjectCommand.Lift.class, SubjectCommand.Note.class, SubjectCommand.Hold.class})
final class SubjectCommand extends CommandGroup {

    /** How the person is identified: exactly one of e-mail, name, address; {@code -} reads it from stdin. */
    static final class Identifier {
        @Option(names = "--email", paramLabel = "E", required = true,
                description = "The person's e-mail; - reads it from standard input.")
        String email;

        @Option(names = "--name", paramLabel = "N", required = true,
                description = "The person's display name (case, accents, order and role tags do not matter).")
        String name;

        @Option(names = "--ip", paramLabel = "A", required = true,
                description = "An IP address the person used (pseudonymised in memory, never stored).")
        String ip;
    }

    /** What every sub-command acting on a person takes. */
    abstract static class OnPerson extends PipelineCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Identifier identifier;

        @Option(names = "--candidate", paramLabel = "N",
                description = "When several people match, the one(s) to act on (repeat for several).")
        List<Integer> candidates = new ArrayList<>();

        /** Caught here so that a mistyped command line is refused without picocli repeating an identifier. */
        @Parameters(hidden = true, arity = "0..*")
        List<String> unexpected = List.of();

        @Override
        protected String argumentProblem() {
            return unexpected.isEmpty() ? null
                    : unexpected.size() + " unexpected argument(s); give the person with --email, --name or --ip";
        }

        @Override
        protected final int run(ConfigurableApplicationContext context) throws Exception {
            SubjectRequest request;
            try {
                request = request().confirming(candidates);
            } catch (IllegalArgumentException e) {
                return fail(ExitCodes.USAGE, e.getMessage());
            }
            try {
                return act(context, request);
            } catch (SubjectFinder.AmbiguousSubjectException e) {
                PrintWriter out = out();
                out.println(text("cli.subject.candidates", e.candidates().size()));
                for (SubjectFinder.Candidate candidate : e.candidates()) {
                    out.println("  " + text(candidate.emailPresent() ? "cli.subject.candidate.email-present"
                            : "cli.subject.candidate.email-absent", candidate.number(),
                            String.join(", ", candidate.appearances())));
                }
                out.flush();
                return fail(ExitCodes.FAILED, e.getMessage());
            } catch (IllegalArgumentException e) {
                return fail(ExitCodes.USAGE, e.getMessage());
            }
        }

        protected abstract int act(ConfigurableApplicationContext context, SubjectRequest request) throws Exception;

        private SubjectRequest request() throws IOException {
            if (identifier.email != null) {
                return SubjectRequest.email(read(identifier.email));
            }
            if (identifier.name != null) {
                return SubjectRequest.name(read(identifier.name));
            }
            return SubjectRequest.address(read(identifier.ip));
        }

        private static String read(String value) throws IOException {
            if (!value.equals("-")) {
                return value;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        }

        /** Evaluates the months again and rebuilds those that have a workbook, so a change shows everywhere. */
        protected int refresh(ConfigurableApplicationContext context, SortedSet<YearMonth> months) {
            MonthlyReport reports = context.getBean(MonthlyReport.class);
            for (YearMonth month : months) {
                JobExecution evaluation = context.getBean(PolicyEvaluation.class).evaluate(month, Set.of(), null);
                if (evaluation.getStatus() != BatchStatus.COMPLETED) {
                    return exitCodeOf(evaluation);
                }
                String line = "  " + text("cli.subject.evaluated-again", month);
                if (!reports.kept(month).isEmpty()) {
                    JobExecution build = reports.build(month, null);
                    if (build.getStatus() != BatchStatus.COMPLETED) {
                        return exitCodeOf(build);
                    }
                    line += text("cli.subject.workbook-version", reports.producedBy(build).orElseThrow().version());
                }
                out().println(line);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "access", mixinStandardHelpOptions = true,
            description = "Right of access (art. 15): a workbook of everything held on the person.")
    static final class Access extends OnPerson {
        @Option(names = "--out", paramLabel = "FILE", description = "Where to write the workbook.")
        Path out;

        @Override
        protected int act(ConfigurableApplicationContext context, SubjectRequest request) {
            SubjectAccess.Answer answer = context.getBean(SubjectAccess.class).answer(request, out, actor());
            out().println(text("cli.subject.access.workbook", answer.file()));
            out().println(text("cli.subject.access.records", answer.total(), describe(answer.counts())));
            return ExitCodes.OK;
        }
    }

    @Command(name = "restrict", mixinStandardHelpOptions = true,
            description = "Restriction (art. 18): keep the person's rows but leave them out of evaluation, workbooks and console.")
    static final class Restrict extends OnPerson {
        @Override
        protected int act(ConfigurableApplicationContext context, SubjectRequest request) {
            SubjectRestriction.Change change = context.getBean(SubjectRestriction.class).restrict(request, actor());
            out().println(text("cli.subject.restricted", change.ids().get(0), change.total(), describe(change.rows())));
            return refresh(context, change.months());
        }
    }

    @Command(name = "lift", mixinStandardHelpOptions = true,
            description = "Lift the restrictions, and the deny list of an erasure, made for the person.")
    static final class Lift extends OnPerson {
        @Override
        protected int act(ConfigurableApplicationContext context, SubjectRequest request) {
            SubjectRestriction.Change change = context.getBean(SubjectRestriction.class).lift(request, actor());
            out().println(text("cli.subject.lifted", change.ids(), describe(change.rows())));
            return refresh(context, change.months());
        }
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Erasure (art. 17): delete the person's rows, rebuild the workbooks that named them, deny them at the door.")
    static final class Erase extends OnPerson {
        @Option(names = "--yes", description = "Confirm: the erasure cannot be undone.")
        boolean yes;

        @Override
        protected int act(ConfigurableApplicationContext context, SubjectRequest request) {
            if (!yes) {
                SubjectFinder.Person person = context.getBean(SubjectFinder.class).person(request);
                out().println(text("cli.subject.would-erase", person.rows().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().size()).toList()));
                return fail(ExitCodes.USAGE, "nothing erased: add --yes to confirm");
            }
            SubjectErasure.Receipt receipt = context.getBean(SubjectErasure.class).erase(request, actor());
            out().println(text("cli.subject.erased", receipt.id(), describe(receipt.removed())));
            out().println(text("cli.subject.rebuilt", receipt.rebuilt().isEmpty() ? text("cli.subject.rebuilt.none")
                    : String.join(", ", receipt.rebuilt())));
            out().println(text("cli.subject.receipt", receipt.file()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true,
            description = "Rectification (art. 16): a DPO note on a deviation, shown in the workbook.")
    static final class Note extends PipelineCommand {
        @Option(names = "--deviation", required = true, paramLabel = "ID", description = "The deviation's id.")
        long deviation;

        @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The note.")
        String text;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            try {
                context.getBean(DeviationNotes.class).note(deviation, text, actor());
            } catch (IllegalArgumentException e) {
                return fail(ExitCodes.USAGE, e.getMessage());
            }
            out().println(text("cli.subject.noted", deviation));
            return ExitCodes.OK;
        }
    }

    @Command(name = "hold", mixinStandardHelpOptions = true,
            description = "Legal hold: an erasure keeps this deviation and the person's records of its meeting.")
    static final class Hold extends PipelineCommand {
        @Option(names = "--deviation", required = true, paramLabel = "ID", description = "The deviation's id.")
        long deviation;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (named in erasure receipts).")
        String reason;

        @Override
        protected int run(ConfigurableApplicationContext context) {
            try {
                context.getBean(DeviationNotes.class).hold(deviation, reason, actor());
            } catch (IllegalArgumentException e) {
                return fail(ExitCodes.USAGE, e.getMessage());
            }
            out().println(text("cli.subject.held", deviation));
            return ExitCodes.OK;
        }
    }

    private static String describe(java.util.Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((k, n) -> text.append(text.isEmpty() ? "" : ", ").append(k).append(' ').append(n));
        return text.toString();
    }
}
