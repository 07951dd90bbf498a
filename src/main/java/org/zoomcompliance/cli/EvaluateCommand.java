package org.zoomcompliance.cli;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
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
        List<String> changes = context.getBean(EvaluationPolicy.class).changesSinceLastEvaluation(month);
        if (!changes.isEmpty()) {
            out().println("The policy differs from the one " + month + " was last evaluated under:");
            changes.forEach(change -> out().println("  " + change));
        }
        JobExecution execution = context.getBean(JobControl.class)
                .run(JobRequest.evaluate(month), actor());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            Evaluation result = evaluation.summary(month);
            int total = result.deviations().values().stream().mapToInt(Integer::intValue).sum();
            out().println("Evaluated " + month + ": " + total + " deviation(s)");
            for (Map.Entry<String, Integer> rule : result.deviations().entrySet()) {
                out().printf("  %-34s %d%n", rule.getKey(), rule.getValue());
            }
            if (!result.notEvaluated().isEmpty()) {
                out().println("Rules not evaluated:");
                result.notEvaluated().forEach((code, reason) -> out().printf("  %-34s %s%n", code, reason));
            }
            out().flush();
        }
        return exitCodeOf(execution);
    }
}
