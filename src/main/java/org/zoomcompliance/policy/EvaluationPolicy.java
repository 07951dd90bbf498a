package org.zoomcompliance.policy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import org.zoomcompliance.config.LoadedPolicy;

/**
 * The policy a month was evaluated under ({@code evaluation_policy}): recorded by the evaluation, in its
 * transaction, and read by the workbook's Register and by the next evaluation of the month to say what changed.
 */
@Component
public class EvaluationPolicy {

    /** The policy a month's register was produced under. */
    public record Used(String sha256, String origin, Map<String, String> values, java.time.Instant evaluatedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final LoadedPolicy policy;
    private final Clock clock;

    EvaluationPolicy(JdbcTemplate jdbc, LoadedPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
    }

    /** Records that the month was just evaluated under this process's policy. */
    void record(YearMonth month) {
        jdbc.update("""
                insert into evaluation_policy (month, policy_sha256, policy_origin, policy_values, evaluated_at)
                values (?, ?, ?, ?::jsonb, ?)
                on conflict (month) do update set policy_sha256 = excluded.policy_sha256,
                    policy_origin = excluded.policy_origin, policy_values = excluded.policy_values,
                    evaluated_at = excluded.evaluated_at""",
                month.atDay(1), policy.sha256(), policy.origin(), JSON.writeValueAsString(policy.values()),
                Timestamp.from(clock.instant()));
    }

    /** The policy the month was last evaluated under, if it was. */
    public Optional<Used> of(YearMonth month) {
        return jdbc.query("select policy_sha256, policy_origin, policy_values::text, evaluated_at"
                + " from evaluation_policy where month = ?", rs -> {
                    if (!rs.next()) {
                        return Optional.<Used>empty();
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, String> values = new TreeMap<>(JSON.readValue(rs.getString(3), Map.class));
                    return Optional.of(new Used(rs.getString(1), rs.getString(2), values,
                            rs.getTimestamp(4).toInstant()));
                }, month.atDay(1));
    }

    /**
     * How this process's policy differs from the one the month was last evaluated under: empty when the month was
     * never evaluated or the effective values are the same.
     */
    public List<String> changesSinceLastEvaluation(YearMonth month) {
        return of(month).filter(used -> !used.sha256().equals(policy.sha256()))
                .map(used -> policy.changesFrom(used.values()))
                .orElse(List.of());
    }
}
