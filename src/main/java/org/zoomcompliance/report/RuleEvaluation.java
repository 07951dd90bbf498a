package org.zoomcompliance.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.zoomcompliance.infrastructure.Messages;

/** Whether a rule ran for a month, else why not (rule_evaluation), as the Summary and the Register show it. */
record RuleEvaluation(boolean ran, String reason) {

    /** The month's evaluation per rule code; a rule absent was not run for the month. */
    static Map<String, RuleEvaluation> of(SheetSql sql, LocalDate month) {
        Map<String, RuleEvaluation> evaluation = new HashMap<>();
        sql.stream("rule-evaluation", new MapSqlParameterSource("month", month), rs -> {
            String reason = rs.getString(3);
            evaluation.put(rs.getString(1), new RuleEvaluation(rs.getBoolean(2),
                    reason == null || reason.isBlank() ? null : reason));
        });
        return evaluation;
    }

    /** "yes", "no", or "no: REASON" in the workbook's language. */
    String text(Messages messages) {
        return ran ? messages.get("yes") : reason == null ? messages.get("no")
                : messages.get("report.summary.not-evaluated-because", reason);
    }
}
