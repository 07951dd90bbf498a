package org.zoomcompliance.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Workbook;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.policy.NotEvaluatedReasons;
import org.zoomcompliance.month.MonthFacts;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.pseudonymisation.KeyManagement;
import org.zoomcompliance.report.SheetWriter.Column;

/**
 * The record of processing (GDPR art. 30, the CNIL template's fields): controller and DPO contact, purposes, legal
 * basis, categories of data subjects and of data, recipients, transfers outside the EU/EEA and their safeguards,
 * security measures, the policy and the exports the month was judged on, pseudonymisation and keys, retention set
 * and applied, rules not evaluated. Its sentences are message keys ({@code
 * report.register.*}), in the workbook's language.
 */
final class RegisterSheet implements Sheet {

    static final List<Column> COLUMNS = List.of(Column.wrapped("report.header.section", 18),
            Column.wrapped("report.header.item", 26), Column.wrapped("report.header.value", 40),
            Column.fixed("report.header.date", 11), Column.wrapped("report.header.detail", 60));

    private final SheetSql sql;
    private final Policy policy;
    private final KeyManagement keys;

    RegisterSheet(SheetSql sql, Policy policy, KeyManagement keys) {
        this.sql = sql;
        this.policy = policy;
        this.keys = keys;
    }

    @Override
    public String nameKey() {
        return "report.sheet.register";
    }

    @Override
    public long write(Workbook workbook, SheetContext context) {
        SheetWriter sheet = context.table(workbook, this, COLUMNS);
        Rows rows = new Rows(sheet, context.messages());
        processing(rows, context.period());
        pseudonymisation(rows, context.period());
        retention(rows, context.period());
        rulesNotEvaluated(rows, context.period());
        sheet.finish();
        return sheet.rowsWritten();
    }

    /** Rows of the register, section and item as message keys ({@code report.register.KEY}). */
    private record Rows(SheetWriter sheet, Messages messages) {

        void row(String section, String item, Object value, Object date, String detail) {
            sheet.row(text("section." + section), item, value, date, detail);
        }

        String text(String key, Object... arguments) {
            return messages.get("report.register." + key, arguments);
        }
    }

    private void processing(Rows rows, Period period) {
        Policy.SubjectRights rights = policy.subjectRights();
        Policy.Register register = policy.register();
        String contact = setting(register.controllerContact());
        rows.row("processing", rows.text("controller"), policy.institution().name(), null,
                contact != null ? contact : rows.text("controller.detail"));
        freeText(rows, "dpo", "subject-rights.dpo-contact", rights.dpoContact(), "processing.default.dpo");
        for (String purpose : List.of("compliance", "security", "transfers")) {
            rows.row("processing", rows.text("purpose"), rows.text("purpose." + purpose), null,
                    rows.text("purpose." + purpose + ".detail"));
        }
        rows.row("processing", rows.text("data"), rows.text("data.value"), null,
                rows.text(policy.participants().pseudonymiseEmails() ? "data.detail.emails" : "data.detail"));
        freeText(rows, "legal-basis", "subject-rights.legal-basis", rights.legalBasis(),
                "processing.default.legal-basis");
        freeText(rows, "data-subjects", "register.data-subjects", register.dataSubjects(),
                "report.register.default.data-subjects");
        freeText(rows, "recipients", "subject-rights.recipients", rights.recipients(),
                "processing.default.recipients");
        rows.row("processing", rows.text("transfers"), period.evaluated()
                ? rows.text("transfers.value", sql.count("transfers-outside", period.parameters()))
                : rows.messages().get("report.not-evaluated"), null,
                text(rows, register.transferSafeguards(), "report.register.default.transfer-safeguards"));
        freeText(rows, "security", "register.security-measures", register.securityMeasures(),
                "report.register.default.security-measures");
        List<Object[]> evaluatedUnder = sql.list("policy", period.parameters(), (rs, i) -> new Object[] {
            rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)});
        if (evaluatedUnder.isEmpty()) {
            rows.row("processing", rows.text("policy"), rows.text("policy.not-evaluated"), null,
                    rows.text("policy.not-evaluated.detail"));
        } else {
            Object[] used = evaluatedUnder.get(0);
            rows.row("processing", rows.text("policy"), used[0],
                    ((OffsetDateTime) used[2]).atZoneSameInstant(period.zone()).toLocalDate(),
                    rows.text("policy.detail", used[1]));
        }
        LocalDate inventory = period.inventoryDate();
        rows.row("processing", rows.text("inventory"), rows.text(inventory == null ? "inventory.none"
                : "inventory.used"), inventory, rows.text(!period.evaluated() ? "inventory.not-evaluated"
                        : inventory == null ? "inventory.missing" : "inventory.detail"));
        MonthFacts facts = period.facts();
        if (facts != null && facts.usersDate() != null) {
            rows.row("processing", rows.text("users"), rows.text("inventory.used"), facts.usersDate(),
                    rows.text("users.detail"));
        }
        if (facts != null && facts.recordingsCheckedOn() != null) {
            rows.row("processing", rows.text("retention-check"), facts.recordingsCheckInventory() == null
                    ? rows.text("retention-check.no-inventory")
                    : rows.text("retention-check.inventory", facts.recordingsCheckInventory().toString()),
                    facts.recordingsCheckedOn(), rows.text("retention-check.detail"));
        }
    }

    /**
     * A row for one of the policy's free texts: its value, else the standard text of {@code standardKey} in the
     * workbook's language, and in Detail the policy key that sets it (docs/policy.md, "Keys").
     */
    private static void freeText(Rows rows, String item, String policyKey, String value, String standardKey) {
        String source = rows.text(setting(value) != null ? "setting" : "setting.default", policyKey);
        rows.row("processing", rows.text(item), text(rows, value, standardKey), null, source);
    }

    /** A free text of the policy, or null when left empty. */
    private static String setting(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A free text of the policy, else the standard text of {@code standardKey} in the workbook's language. */
    private static String text(Rows rows, String value, String standardKey) {
        String set = setting(value);
        return set != null ? set : rows.messages().get(standardKey);
    }

    private void pseudonymisation(Rows rows, Period period) {
        rows.row("pseudonymisation", rows.text("method"), "HMAC-SHA-256", null, rows.text("method.detail"));
        rows.row("pseudonymisation", rows.text("emails"), rows.text(policy.participants().pseudonymiseEmails()
                ? "emails.pseudonymised" : "emails.kept"), null, rows.text("emails.detail"));
        // every key version held or used by a stored row (KeyManagement knows which tables hold pseudonyms)
        for (KeyManagement.KeyStatus key : keys.status()) {
            if (!key.held()) {
                rows.row("pseudonymisation", rows.text("key", String.valueOf(key.version())), rows.text("key.destroyed"),
                        null, rows.text("key.destroyed.detail"));
                continue;
            }
            String state = (key.current() ? "key.current" : "key.previous")
                    + (key.usage().total() > 0 ? ".in-data" : ".unused");
            rows.row("pseudonymisation", rows.text("key", String.valueOf(key.version())), rows.text(state),
                    key.created() == null ? null : key.created().atZone(period.zone()).toLocalDate(),
                    rows.text(key.current() ? "key.current.detail" : "key.previous.detail"));
        }
    }

    private void retention(Rows rows, Period period) {
        Policy.Retention retention = policy.retention();
        Map<String, Integer> days = new java.util.LinkedHashMap<>();
        days.put("participants", retention.participantDays());
        days.put("sign-ins", retention.signInDays());
        days.put("operation-logs", retention.operationLogDays());
        days.put("quarantine", retention.quarantineDays());
        days.put("processed", retention.processedFileDays());
        days.put("deviations", retention.deviationDays());
        days.put("reports", retention.reportDays());
        days.forEach((kept, value) -> rows.row("retention-policy", rows.text("retention." + kept), value, null,
                rows.text("days")));
        long[] purges = {0};
        sql.stream("purges", period.parameters(), rs -> {
            purges[0]++;
            rows.row("retention-applied", rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
                    rows.text("retention.purged", rs.getObject(4, OffsetDateTime.class)
                            .atZoneSameInstant(period.zone()).toLocalDateTime().toString().replace('T', ' ')));
        });
        if (purges[0] == 0) {
            rows.row("retention-applied", rows.text("retention.none"), 0L, null, rows.text("retention.none.detail"));
        }
    }

    private void rulesNotEvaluated(Rows rows, Period period) {
        Map<String, RuleEvaluation> evaluation = RuleEvaluation.of(sql, period.first());
        for (String code : policy.rules().keySet()) {
            RuleEvaluation evaluated = evaluation.get(code);
            if (!policy.rule(code).enabled()) {
                rows.row("rules-not-evaluated", code, rows.text("rule.disabled"), null,
                        rows.text("rule.disabled.detail"));
            } else if (evaluated == null) {
                rows.row("rules-not-evaluated", code, rows.text("rule.not-run"), null,
                        rows.text("rule.not-run.detail"));
            } else if (!evaluated.ran()) {
                rows.row("rules-not-evaluated", code, rows.text("rule.not-evaluated"), null,
                        evaluated.reason() == null ? "" : NotEvaluatedReasons.say(evaluated.reason(), rows.messages()));
            }
        }
    }
}
