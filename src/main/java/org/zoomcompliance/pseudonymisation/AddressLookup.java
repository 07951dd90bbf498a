package org.zoomcompliance.pseudonymisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.schema.StoredTable;
import org.zoomcompliance.month.MonthWindow;
import org.zoomcompliance.config.Policy;

/**
 * The forward look-up of an investigation ("was this address in that meeting?"): the address is canonicalised
 * and pseudonymised in memory under every key version still held, and only the pseudonyms are searched for. The
 * clear address is never stored, logged, or repeated in an error message.
 */
@Component
public class AddressLookup {

    private final JdbcTemplate jdbc;
    private final PseudonymKeyStore keyStore;
    private final KeyManagement keys;
    private final ZoneId zone;

    public AddressLookup(JdbcTemplate jdbc, PseudonymKeyStore keyStore, Policy policy) {
        this.jdbc = jdbc;
        this.keyStore = keyStore;
        this.keys = new KeyManagement(keyStore, jdbc);
        this.zone = policy.zone();
    }

    /** A meeting occurrence the address joined, with how many of its joins came from it. */
    public record MeetingAppearance(String meetingId, OffsetDateTime start, String topic, String host, int joins,
            OffsetDateTime firstJoin, OffsetDateTime lastLeave) {
    }

    /** A sign-in or sign-out event that came from the address. */
    public record SignInAppearance(OffsetDateTime time, String email, String eventType, String clientType,
            String clientVersion) {
    }

    /**
     * What the look-up found: the key versions it searched under, those that stored rows use but that are no
     * longer held (rows under them cannot be matched), the meetings and the sign-ins.
     */
    public record Result(List<Integer> versionsSearched, List<Integer> versionsMissing,
            List<MeetingAppearance> meetings, List<SignInAppearance> signIns) {
    }

    /**
     * Searches the stored pseudonyms for an address, optionally within one month (in the institution's zone).
     *
     * @throws IllegalArgumentException if the value is not an IP address (the message does not repeat it)
     * @throws KeyUnavailableException if no key is held, or one cannot be read (bad permissions, unreadable file)
     */
    public Result find(String address, YearMonth month) {
        if (Pseudonymiser.canonical(address).isEmpty()) {
            throw new IllegalArgumentException("the address given is not a valid IPv4 or IPv6 address");
        }
        List<IpPseudonym> pseudonyms = new ArrayList<>();
        TreeSet<Integer> held = new TreeSet<>();
        for (PseudonymKeyStore.KeyInfo info : keyStore.status()) {
            PseudonymKey key = keyStore.version(info.version()).orElseThrow(() -> new KeyUnavailableException(
                    "pseudonymisation key version " + info.version() + " disappeared during the look-up"));
            pseudonyms.add(new Pseudonymiser(key).address(address));
            held.add(key.version());
        }
        List<Integer> missing = new ArrayList<>();
        for (Map.Entry<Integer, KeyManagement.KeyUsage> used : keys.usage().entrySet()) {
            if (!held.contains(used.getKey()) && used.getValue().rows(StoredTable.DASHBOARD_PARTICIPANT) + used.getValue().rows(StoredTable.SIGN_IN) > 0) {
                missing.add(used.getKey());
            }
        }
        if (pseudonyms.isEmpty()) {
            throw new KeyUnavailableException("no pseudonymisation key is held (no key file, no "
                    + PseudonymKeyStore.KEY_VARIABLE + "): the address given cannot be looked up");
        }
        return new Result(List.copyOf(held), missing, meetings(pseudonyms, month), signIns(pseudonyms, month));
    }

    private List<MeetingAppearance> meetings(List<IpPseudonym> pseudonyms, YearMonth month) {
        List<Object> arguments = new ArrayList<>();
        String matches = matches(pseudonyms, arguments);
        String period = "";
        if (month != null) {
            // A join belongs to the month of its moment (docs/months.md), else of the occurrence found for it.
            period = " and coalesce(zc_join_moment(d.meeting_start, d.join_time), m.start_time) >= ?"
                    + " and coalesce(zc_join_moment(d.meeting_start, d.join_time), m.start_time) < ?";
            MonthWindow window = new MonthWindow(month, zone);
            arguments.add(window.start());
            arguments.add(window.end());
        }
        // A dashboard row names its occurrence by meeting_start when the export gives it; otherwise the
        // occurrence of that meeting ID nearest to the join is the one it belongs to.
        String sql = """
                select d.meeting_id, coalesce(m.start_time, d.meeting_start) as start, m.topic,
                       coalesce(m.host_email, m.host_name) as host, count(*) as joins,
                       min(d.join_time) as first_join, max(d.leave_time) as last_leave
                from dashboard_participant d
                left join lateral (
                    select start_time, topic, host_email, host_name from meeting m
                    where m.meeting_id = d.meeting_id
                      and (d.meeting_start is null or m.start_time = d.meeting_start)
                    order by abs(extract(epoch from m.start_time - coalesce(d.join_time, m.start_time)))
                    limit 1) m on true
                where (d.key_version, d.ip_pseudonym) in (%s)%s
                group by d.meeting_id, coalesce(m.start_time, d.meeting_start), m.topic,
                         coalesce(m.host_email, m.host_name)
                order by start nulls last, d.meeting_id
                """.formatted(matches, period);
        return jdbc.query(sql, (row, n) -> new MeetingAppearance(row.getString(1), time(row, 2), row.getString(3),
                row.getString(4), row.getInt(5), time(row, 6), time(row, 7)), arguments.toArray());
    }

    private List<SignInAppearance> signIns(List<IpPseudonym> pseudonyms, YearMonth month) {
        List<Object> arguments = new ArrayList<>();
        String matches = matches(pseudonyms, arguments);
        String period = "";
        if (month != null) {
            period = " and s.event_time >= ? and s.event_time < ?";
            MonthWindow window = new MonthWindow(month, zone);
            arguments.add(window.start());
            arguments.add(window.end());
        }
        String sql = """
                select s.event_time, s.email, s.event_type, s.client_type, s.client_version
                from sign_in s
                where (s.key_version, s.ip_pseudonym) in (%s)%s
                order by s.event_time, s.email
                """.formatted(matches, period);
        return jdbc.query(sql, (row, n) -> new SignInAppearance(time(row, 1), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5)), arguments.toArray());
    }

    private static String matches(List<IpPseudonym> pseudonyms, List<Object> arguments) {
        StringBuilder values = new StringBuilder("values ");
        for (int i = 0; i < pseudonyms.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(?::integer, ?::text)");
            arguments.add(pseudonyms.get(i).keyVersion());
            arguments.add(pseudonyms.get(i).address());
        }
        return values.toString();
    }


    private OffsetDateTime time(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant().atZone(zone).toOffsetDateTime();
    }
}
