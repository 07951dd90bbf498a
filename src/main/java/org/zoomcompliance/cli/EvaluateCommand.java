package org.zoomcompliance.cli;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.month.MonthRegister;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;
import org.zoomcompliance.policy.Evaluation;
import org.zoomcompliance.policy.NotEvaluatedReasons;
import org.zoomcompliance.policy.EvaluationPolicy;
import org.zoomcompliance.policy.PolicyEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate}: Evaluate the policy for a month; re-running replaces that month's results. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate the policy for a month; re-running replaces that month's results.")
final class EvaluateCommand extends PipelineCommand {

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month to evaluate.")
    YearMonth month;

    @Override
    protected int run(ConfigurableApplicationContext context) {
        PolicyEvaluation evaluation = context.getBean(PolicyEvaluation.class);
        // Worked out before the evaluation replaces the month's policy record, printed after its first line.
        List<String> changes = context.getBean(EvaluationPolicy.class).changesSinceLastEvaluation(month);
        JobExecution execution = context.getBean(JobControl.class)
                .run(JobRequest.evaluate(month), actor());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            MonthRegister register = context.getBean(MonthRegister.class);
            if (!register.evaluated(month)) {
                out().println(text("cli.evaluate.no-data", month));
                printChanges(changes);
                out().flush();
                return exitCodeOf(execution);
            }
            Evaluation result = evaluation.summary(month);
            MonthRegister.Counts counts = register.counts(month);
            // Open deviations (NEW, ONGOING) as the workbook and the console count them; resolved ones apart.
            out().println(text("cli.evaluate.counts", month, counts.openTotal(), counts.resolvedTotal()));
            Set<String> rules = new TreeSet<>(result.deviations().keySet());
            rules.addAll(counts.resolved().keySet());
            for (String rule : rules) {
                out().println("  " + text("cli.evaluate.rule", String.format("%-34s", rule),
                        String.format("%5d", counts.open(rule)), String.format("%5d", counts.resolved(rule))));
            }
            if (!result.notEvaluated().isEmpty()) {
                out().println(text("cli.evaluate.not-evaluated"));
                result.notEvaluated().forEach((code, reason) -> out().printf("  %-34s %s%n", code,
                        NotEvaluatedReasons.say(reason, messages())));
            }
            printChanges(changes);
            out().flush();
        }
        return exitCodeOf(execution);
    }

    private void printChanges(List<String> changes) {
        if (!changes.isEmpty()) {
            out().println(text("cli.evaluate.policy-changed", month));
            changes.forEach(change -> out().println("  " + change));
        }
    }
}
