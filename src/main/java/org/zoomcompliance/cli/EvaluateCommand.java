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
                out().println("no data for " + month + ": not evaluated (no export covers the month)");
                printChanges(changes);
                out().flush();
                return exitCodeOf(execution);
            }
            Evaluation result = evaluation.summary(month);
            MonthRegister.Counts counts = register.counts(month);
            // Open deviations (NEW, ONGOING) as the workbook and the console count them; resolved ones apart.
            out().println("Evaluated " + month + ": " + counts.openTotal() + " deviation(s) open, "
                    + counts.resolvedTotal() + " resolved this month");
            Set<String> rules = new TreeSet<>(result.deviations().keySet());
            rules.addAll(counts.resolved().keySet());
            for (String rule : rules) {
                out().printf("  %-34s %5d open %5d resolved%n", rule, counts.open(rule), counts.resolved(rule));
            }
            if (!result.notEvaluated().isEmpty()) {
                out().println("Rules not evaluated:");
                result.notEvaluated().forEach((code, reason) -> out().printf("  %-34s %s%n", code, reason));
            }
            printChanges(changes);
            out().flush();
        }
        return exitCodeOf(execution);
    }

    private void printChanges(List<String> changes) {
        if (!changes.isEmpty()) {
            out().println("The policy differs from the one " + month + " was last evaluated under:");
            changes.forEach(change -> out().println("  " + change));
        }
    }
}
