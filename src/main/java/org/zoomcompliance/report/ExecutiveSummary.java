package org.zoomcompliance.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.month.MonthRegister;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.policy.RuleTexts;

/**
 * The few sentences at the top of the Summary an auditor reads first (issue 16, "a front page an auditor reads in
 * one minute"), built from the month's register in the workbook's language: the open HIGH deviations and the rule
 * with the most of them, what was resolved this month, the rules not evaluated. A month not evaluated says so and
 * gives no count (docs/months.md: never a silent zero).
 */
final class ExecutiveSummary {

    private final SheetSql sql;
    private final Policy policy;
    private final MonthRegister register;
    private final RuleTexts ruleTexts;

    ExecutiveSummary(SheetSql sql, Policy policy, MonthRegister register, RuleTexts ruleTexts) {
        this.sql = sql;
        this.policy = policy;
        this.register = register;
        this.ruleTexts = ruleTexts;
    }

    /** The sentences for the month, each a full sentence ending with its full stop. */
    List<String> sentences(Period period, Messages messages) {
        List<String> sentences = new ArrayList<>();
        String month = period.month().toString();
        if (!period.evaluated()) {
            sentences.add(messages.get(period.facts() == null ? "report.executive.never-evaluated"
                    : "report.executive.no-input", month));
            return sentences;
        }
        MonthRegister.Counts counts = register.counts(period.month());
        Map<String, Long> highPerRule = new LinkedHashMap<>();
        sql.stream("open-high-per-rule", period.parameters(), rs -> {
            highPerRule.put(rs.getString(1), rs.getLong(2));
        });
        long high = highPerRule.values().stream().mapToLong(Long::longValue).sum();
        long open = counts.openTotal();
        if (high == 0) {
            sentences.add(open == 0 ? messages.get("report.executive.none-open")
                    : messages.get("report.executive.no-high", open));
        } else {
            Map.Entry<String, Long> top = highPerRule.entrySet().iterator().next();
            String name = ruleTexts.of(top.getKey()).name();
            sentences.add(highPerRule.size() == 1
                    ? messages.get("report.executive.high.one-rule", high, name, top.getKey())
                    : messages.get("report.executive.high", high, top.getValue(), name, top.getKey()));
        }
        if (!register.evaluated(period.month().minusMonths(1))) {
            sentences.add(messages.get("report.executive.previous-not-evaluated",
                    period.month().minusMonths(1).toString()));
        } else {
            sentences.add(messages.get("report.executive.resolved", counts.resolvedTotal()));
        }
        Map<String, RuleEvaluation> evaluation = RuleEvaluation.of(sql, period.first());
        List<String> notEvaluated = policy.rules().keySet().stream()
                .filter(code -> !policy.rule(code).enabled() || evaluation.get(code) == null
                        || !evaluation.get(code).ran())
                .toList();
        sentences.add(notEvaluated.isEmpty() ? messages.get("report.executive.all-evaluated")
                : messages.get("report.executive.not-evaluated", notEvaluated.size(), String.join(", ", notEvaluated)));
        return sentences;
    }
}
