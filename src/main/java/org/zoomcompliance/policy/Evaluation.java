package org.zoomcompliance.policy;

import java.time.YearMonth;
import java.util.Map;

/**
 * What an evaluation of a month found: the deviations per evaluated rule and, for each rule that was not
 * evaluated, why. Read back from {@code rule_evaluation}, so it describes the month's latest evaluation.
 */
public record Evaluation(YearMonth month, Map<String, Integer> deviations, Map<String, String> notEvaluated) {
}
