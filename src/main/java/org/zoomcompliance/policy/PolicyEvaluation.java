package org.zoomcompliance.policy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.zoomcompliance.infrastructure.JobRunner;

/**
 * Evaluates the institution's policy for a month: the entry point of {@code evaluate}, {@code nightly},
 * {@code retention} (recording retention only) and the web console. Runs {@code evaluateJob} through
 * {@link JobRunner}; re-running a month replaces its results.
 */
@Service
public class PolicyEvaluation {

    /** The name of the job an evaluation runs as. */
    public static final String JOB_NAME = EvaluateJobConfiguration.JOB;
    /** The parameter naming the month evaluated (YYYY-MM). */
    public static final String MONTH = EvaluateJobConfiguration.MONTH;

    private final JobRunner jobRunner;
    private final MonthEvaluator evaluator;
    private final JdbcTemplate jdbc;

    PolicyEvaluation(JobRunner jobRunner, MonthEvaluator evaluator, JdbcTemplate jdbc) {
        this.jobRunner = jobRunner;
        this.evaluator = evaluator;
        this.jdbc = jdbc;
    }

    /**
     * Evaluates the month, synchronously.
     *
     * @param onlyRules rule codes to evaluate and replace, or empty for all of them
     * @param asOf      the date state rules (recordings held, accounts) are judged at, with the newest inventory
     *                  known on that date; null: the date of the newest recordings inventory taken within the
     *                  month, and the month's last day for accounts
     */
    public JobExecution evaluate(YearMonth month, Set<String> onlyRules, LocalDate asOf) {
        Set<String> known = evaluator.codes();
        onlyRules.stream().filter(code -> !known.contains(code)).findFirst().ifPresent(code -> {
            throw new IllegalArgumentException("unknown rule code " + code + " (known: " + String.join(", ", known) + ")");
        });
        return jobRunner.run(JOB_NAME, parameters(month, onlyRules, asOf));
    }

    /**
     * The parameters of an evaluation, as this service, the console and the scheduler launch it: the month
     * identifies it (each run also gets a number, see {@code operations/JobIdentities}); the rules and the as-of
     * date only shape it.
     */
    public static JobParameters parameters(YearMonth month, Set<String> onlyRules, LocalDate asOf) {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(EvaluateJobConfiguration.MONTH, month.toString());
        if (!onlyRules.isEmpty()) {
            parameters.addString(EvaluateJobConfiguration.RULES, String.join(",", new java.util.TreeSet<>(onlyRules)), false);
        }
        if (asOf != null) {
            parameters.addString(EvaluateJobConfiguration.AS_OF, asOf.toString(), false);
        }
        return parameters.toJobParameters();
    }

    /** What the month's latest evaluation found, per rule. */
    public Evaluation summary(YearMonth month) {
        Map<String, Integer> deviations = new LinkedHashMap<>();
        Map<String, String> notEvaluated = new LinkedHashMap<>();
        jdbc.query("select rule_code, evaluated, reason, deviation_count from rule_evaluation where month = ?"
                + " order by rule_code", rs -> {
                    if (rs.getBoolean("evaluated")) {
                        deviations.put(rs.getString("rule_code"), rs.getInt("deviation_count"));
                    } else {
                        notEvaluated.put(rs.getString("rule_code"), rs.getString("reason"));
                    }
                }, month.atDay(1));
        return new Evaluation(month, deviations, notEvaluated);
    }
}
