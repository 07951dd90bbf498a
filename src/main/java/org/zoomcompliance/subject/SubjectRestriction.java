package org.zoomcompliance.subject;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.operations.AuditLog;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.schema.StoredTable.Trait;
import org.zoomcompliance.schema.StoredTable;
import org.zoomcompliance.subject.SubjectFinder.Person;

/**
 * Restriction of processing (GDPR art. 18): the person's participant, dashboard and sign-in rows are listed in
 * {@code subject_restricted_row}, which evaluation and the workbook read through {@code zc_restricted} (V54): the
 * rows stay, but count nowhere until the restriction is lifted. Rows ingested after it was placed are covered by
 * restricting again. Lifting also lifts the deny list of an erasure made for the same identifier.
 */
@Component
public class SubjectRestriction {

    public static final String RESTRICT_ACTION = "SUBJECT_RESTRICT";
    public static final String LIFT_ACTION = "SUBJECT_LIFT";

    /** The tables a restriction hides rows of. */
    static final List<String> TABLES = StoredTable.names(Trait.RESTRICTABLE);

    private final JdbcTemplate jdbc;
    private final SubjectFinder finder;
    private final SubjectRecords records;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Policy policy;

    public SubjectRestriction(JdbcTemplate jdbc, SubjectFinder finder, SubjectRecords records, AuditLog audit,
            PlatformTransactionManager transactionManager, Clock clock, Policy policy) {
        this.jdbc = jdbc;
        this.finder = finder;
        this.records = records;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.policy = policy;
    }

    /** What a restriction or a lift changed: rows per table and the months to evaluate and report again. */
    public record Change(List<Long> ids, Map<String, Integer> rows, SortedSet<YearMonth> months) {

        public int total() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Change restrict(SubjectRequest request, String actor) {
        Person person = finder.person(request);
        return transaction.execute(status -> {
            Long id = jdbc.queryForObject("insert into subject_restriction (subject_hash, key_version, placed_at,"
                    + " placed_by) values (?, ?, ?, ?) returning id", Long.class, records.subjectHash(request),
                    records.currentKeyVersion(), Timestamp.from(clock.instant()), actor);
            Map<String, Integer> rows = new LinkedHashMap<>();
            for (String table : TABLES) {
                rows.put(table, jdbc.update("insert into subject_restricted_row (restriction_id, table_name, row_id)"
                        + " select ?, ?, unnest(?::bigint[]) on conflict do nothing", id, table,
                        person.ids(table).toArray(Long[]::new)));
            }
            SortedSet<YearMonth> months = months(id);
            audit.record(actor, RESTRICT_ACTION, records.subjectHash(request), null,
                    "restriction " + id + ": " + SubjectAccess.describe(rows) + "; months " + months);
            return new Change(List.of(id), rows, months);
        });
    }

    /** Lifts every restriction, and every erasure's deny list, made for the identifier of the request. */
    public Change lift(SubjectRequest request, String actor) {
        return transaction.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<Long> lifted = new ArrayList<>();
            Map<String, Integer> rows = new LinkedHashMap<>();
            SortedSet<YearMonth> months = new TreeSet<>();
            for (Map<String, Object> restriction : jdbc.queryForList(
                    "select id, subject_hash, key_version from subject_restriction where lifted_at is null")) {
                if (!matches(request, restriction)) {
                    continue;
                }
                long id = ((Number) restriction.get("id")).longValue();
                months.addAll(months(id));
                for (String table : TABLES) {
                    rows.merge(table, jdbc.update("delete from subject_restricted_row where restriction_id = ?"
                            + " and table_name = ?", id, table), Integer::sum);
                }
                jdbc.update("update subject_restriction set lifted_at = ?, lifted_by = ? where id = ?", now, actor, id);
                lifted.add(id);
            }
            int denied = 0;
            for (Map<String, Object> erasure : jdbc.queryForList("select id, subject_hash, key_version from"
                    + " subject_erasure e where exists (select 1 from subject_deny d where d.erasure_id = e.id"
                    + " and d.lifted_at is null)")) {
                if (matches(request, erasure)) {
                    denied += jdbc.update("update subject_deny set lifted_at = ? where erasure_id = ? and lifted_at is null",
                            now, erasure.get("id"));
                }
            }
            rows.put("deny list entries", denied);
            audit.record(actor, LIFT_ACTION, records.subjectHash(request), null,
                    "restrictions " + lifted + ": " + SubjectAccess.describe(rows) + "; months " + months);
            return new Change(lifted, rows, months);
        });
    }

    private boolean matches(SubjectRequest request, Map<String, Object> record) {
        int version = ((Number) record.get("key_version")).intValue();
        return records.subjectHash(request, version).map(record.get("subject_hash")::equals).orElse(false);
    }

    /** The months (in the institution's zone) of a restriction's rows. */
    private SortedSet<YearMonth> months(long restrictionId) {
        SortedSet<YearMonth> months = new TreeSet<>();
        // each restrictable table's rows belong to the month of their moment (StoredTable, docs/months.md)
        List<Object> arguments = new ArrayList<>();
        String query = Arrays.stream(StoredTable.values()).filter(table -> table.is(Trait.RESTRICTABLE))
                .map(table -> {
                    arguments.add(zone());
                    arguments.add(table.sqlName());
                    arguments.add(restrictionId);
                    return "select to_char((" + table.moment() + ") at time zone ?, 'YYYY-MM') from subject_restricted_row r"
                            + " join " + table.sqlName() + " t on t.id = r.row_id where r.table_name = ? and r.restriction_id = ?";
                })
                .collect(Collectors.joining(" union "));
        jdbc.queryForList(query, String.class, arguments.toArray()).stream().filter(m -> m != null)
                .forEach(m -> months.add(YearMonth.parse(m)));
        return months;
    }

    private String zone() {
        return policy.zone().getId();
    }
}
