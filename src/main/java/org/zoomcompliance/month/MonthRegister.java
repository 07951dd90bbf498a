package org.zoomcompliance.month;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The month facts as every output reads them: whether a month was evaluated, what it was judged on, and its
 * deviations counted per rule as open and resolved (docs/months.md). Evaluation writes them through
 * {@link #record}; nothing else works them out again.
 */
@Component
public class MonthRegister {

    /** A month's deviations per rule code, in code order: open ones and those resolved this month, apart. */
    public record Counts(Map<String, Long> open, Map<String, Long> resolved) {
        public long openTotal() {
            return open.values().stream().mapToLong(Long::longValue).sum();
        }

        public long resolvedTotal() {
            return resolved.values().stream().mapToLong(Long::longValue).sum();
        }

        public long open(String rule) {
            return open.getOrDefault(rule, 0L);
        }

        public long resolved(String rule) {
            return resolved.getOrDefault(rule, 0L);
        }
    }

    private static final String COLUMNS = "month, has_input, snapshot_oldest, snapshot_latest, users_file_id,"
            + " users_date, hosts_file_id, hosts_date, inventory_date, evaluated_at, recordings_checked_on,"
            + " recordings_check_inventory";

    private final JdbcTemplate jdbc;

    public MonthRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts of the month's latest evaluation, if it was ever evaluated. */
    public Optional<MonthFacts> of(YearMonth month) {
        return jdbc.query("select " + COLUMNS + " from month_facts where month = ?", (rs, i) -> facts(rs),
                month.atDay(1)).stream().findFirst();
    }

    /** Whether the month was evaluated with some input: "not evaluated" otherwise, never zero deviations. */
    public boolean evaluated(YearMonth month) {
        return of(month).map(MonthFacts::evaluated).orElse(false);
    }

    /** The months from {@code first} to {@code last}, each with whether it was evaluated, in order. */
    public Map<YearMonth, Boolean> evaluated(YearMonth first, YearMonth last) {
        Map<YearMonth, Boolean> evaluated = new LinkedHashMap<>();
        Map<LocalDate, Boolean> held = new HashMap<>();
        jdbc.query("select month, has_input from month_facts where month between ? and ?",
                rs -> {
                    held.put(rs.getObject(1, LocalDate.class), rs.getBoolean(2));
                }, first.atDay(1), last.atDay(1));
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            evaluated.put(month, held.getOrDefault(month.atDay(1), false));
        }
        return evaluated;
    }

    /** The month's open and resolved deviations per rule. */
    public Counts counts(YearMonth month) {
        Map<String, Long> open = new TreeMap<>();
        Map<String, Long> resolved = new TreeMap<>();
        jdbc.query("select rule_code, status, count(*) from deviation where month = ? group by rule_code, status",
                rs -> {
                    (OpenDeviations.isOpen(rs.getString(2)) ? open : resolved)
                            .merge(rs.getString(1), rs.getLong(3), Long::sum);
                }, month.atDay(1));
        return new Counts(open, resolved);
    }

    /** Open deviations of each month from {@code first} to {@code last} that holds any. */
    public Map<YearMonth, Long> openPerMonth(YearMonth first, YearMonth last) {
        Map<YearMonth, Long> perMonth = new TreeMap<>();
        jdbc.query("select month, count(*) from " + OpenDeviations.VIEW + " where month between ? and ? group by month",
                rs -> {
                    perMonth.put(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getLong(2));
                }, first.atDay(1), last.atDay(1));
        return perMonth;
    }

    /** Months with facts, newest first. */
    public List<YearMonth> months() {
        return jdbc.queryForList("select month from month_facts order by month desc", Date.class).stream()
                .map(date -> YearMonth.from(date.toLocalDate())).toList();
    }

    /**
     * Records what a whole evaluation of the month was judged on, and the files that concern it, replacing the
     * month's earlier facts (the last retention check is kept). Runs in the evaluation's transaction.
     */
    public void record(MonthFacts facts, MonthWindow window) {
        LocalDate month = facts.month().atDay(1);
        jdbc.update("insert into month_facts (month, has_input, zone, month_start, month_end, reference_date,"
                        + " snapshot_oldest, snapshot_latest, users_file_id, users_date, hosts_file_id, hosts_date,"
                        + " inventory_date, evaluated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (month) do update set has_input = excluded.has_input, zone = excluded.zone,"
                        + " month_start = excluded.month_start, month_end = excluded.month_end,"
                        + " reference_date = excluded.reference_date, snapshot_oldest = excluded.snapshot_oldest,"
                        + " snapshot_latest = excluded.snapshot_latest, users_file_id = excluded.users_file_id,"
                        + " users_date = excluded.users_date, hosts_file_id = excluded.hosts_file_id,"
                        + " hosts_date = excluded.hosts_date, inventory_date = excluded.inventory_date,"
                        + " evaluated_at = excluded.evaluated_at",
                month, facts.hasInput(), window.zone().getId(), window.start(), window.end(), window.last(),
                facts.snapshotOldest(), facts.snapshotLatest(), facts.usersFile(), facts.usersDate(),
                facts.hostsFile(), facts.hostsDate(), facts.inventoryDate(), Timestamp.from(facts.evaluatedAt()));
        jdbc.update("delete from month_file where month = ?", month);
        jdbc.update("insert into month_file (month, source_file_id)"
                        + " select ?, f from zc_month_files(?, ?, ?, ?) f"
                        + " union select ?, id from source_file where id in (?, ?)"
                        + " union select ?, id from source_file where kind ilike '%recording%' and inventory_date = ?",
                month, window.start(), window.end(), window.first(), window.snapshotLatest(),
                month, facts.usersFile(), facts.hostsFile(), month, facts.inventoryDate());
    }

    /** Records a retention check of the month's recordings as of a date, against the inventory it judged. */
    public void recordRecordingsCheck(YearMonth month, LocalDate checkedOn, LocalDate inventory) {
        jdbc.update("update month_facts set recordings_checked_on = ?, recordings_check_inventory = ? where month = ?",
                checkedOn, inventory, month.atDay(1));
    }

    private static MonthFacts facts(ResultSet rs) throws SQLException {
        Timestamp evaluatedAt = rs.getTimestamp("evaluated_at");
        return new MonthFacts(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getBoolean("has_input"),
                rs.getObject("snapshot_oldest", LocalDate.class), rs.getObject("snapshot_latest", LocalDate.class),
                rs.getObject("users_file_id", Long.class), rs.getObject("users_date", LocalDate.class),
                rs.getObject("hosts_file_id", Long.class), rs.getObject("hosts_date", LocalDate.class),
                rs.getObject("inventory_date", LocalDate.class), evaluatedAt.toInstant(),
                rs.getObject("recordings_checked_on", LocalDate.class),
                rs.getObject("recordings_check_inventory", LocalDate.class));
    }
}
