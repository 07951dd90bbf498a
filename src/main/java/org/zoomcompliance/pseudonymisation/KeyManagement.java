package org.zoomcompliance.pseudonymisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.schema.StoredTable.Trait;
import org.zoomcompliance.schema.StoredTable;

/**
 * The key versions and the stored rows that depend on them: what {@code keys status} shows, {@code keys rotate}
 * does, and which versions retention may destroy because no remaining row was pseudonymised with them.
 */
@Component
public class KeyManagement {

    /** The tables whose rows carry the key version their pseudonyms were made with. */
    public static final List<StoredTable> KEYED_TABLES = Arrays.stream(StoredTable.values())
            .filter(table -> table.is(Trait.PSEUDONYMISED)).toList();

    private final PseudonymKeyStore keyStore;
    private final JdbcTemplate jdbc;

    public KeyManagement(PseudonymKeyStore keyStore, JdbcTemplate jdbc) {
        this.keyStore = keyStore;
        this.jdbc = jdbc;
    }

    /** How many stored rows of each keyed table ({@link #KEYED_TABLES}) use one key version. */
    public record KeyUsage(Map<StoredTable, Long> rows) {

        public static final KeyUsage NONE = new KeyUsage(Map.of());

        public KeyUsage {
            rows = Map.copyOf(rows);
        }

        /** The rows of {@code table} made with this version (0 for a table without pseudonyms). */
        public long rows(StoredTable table) {
            return rows.getOrDefault(table, 0L);
        }

        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * One key version as {@code keys status} shows it: never the secret. {@code source} is the key file or the
     * environment variable, or {@code missing} for a version that stored rows use but no key exists for;
     * {@code problem} says why a present key cannot be used (bad permissions, unreadable), else null.
     */
    public record KeyStatus(int version, String source, Instant created, boolean current, KeyUsage usage,
            String problem) {

        /** The source of a version that stored rows use but no key exists for (destroyed, or lost). */
        public static final String MISSING = "missing";

        /** Whether the key itself is held (else only rows made with it remain). */
        public boolean held() {
            return !MISSING.equals(source);
        }

    }

    /** Every key version the store holds or stored rows use, oldest first. */
    public List<KeyStatus> status() {
        Map<Integer, KeyUsage> usage = usage();
        List<KeyStatus> statuses = new ArrayList<>();
        TreeSet<Integer> seen = new TreeSet<>();
        for (PseudonymKeyStore.KeyInfo info : keyStore.status()) {
            seen.add(info.version());
            statuses.add(new KeyStatus(info.version(), info.source(), info.created(), info.current(),
                    usage.getOrDefault(info.version(), KeyUsage.NONE), problemOf(info.version())));
        }
        usage.forEach((version, rows) -> {
            if (!seen.contains(version)) {
                statuses.add(new KeyStatus(version, KeyStatus.MISSING, null, false, rows,
                        "no key for this version: its pseudonyms can no longer be looked up"));
            }
        });
        statuses.sort(Comparator.comparingInt(KeyStatus::version));
        return statuses;
    }

    /**
     * Reads every key version held, so that one that cannot be used (open to group or others, unreadable,
     * damaged) is refused now, with a {@link KeyUnavailableException}, before any work starts.
     */
    public void requireUsable() {
        keyStore.status().forEach(info -> keyStore.version(info.version()));
    }

    /** Starts a new current key version; older ones stay until no stored row uses them. */
    public PseudonymKey rotate() {
        return keyStore.rotate();
    }

    /** Stored rows per key version, across the keyed tables. */
    public Map<Integer, KeyUsage> usage() {
        Map<Integer, Map<StoredTable, Long>> counts = new TreeMap<>();
        for (StoredTable table : KEYED_TABLES) {
            jdbc.query("select key_version, count(*) from " + table.sqlName()
                    + " where key_version is not null group by key_version", row -> {
                counts.computeIfAbsent(row.getInt(1), version -> new EnumMap<>(StoredTable.class))
                        .put(table, row.getLong(2));
            });
        }
        Map<Integer, KeyUsage> usage = new TreeMap<>();
        counts.forEach((version, rows) -> usage.put(version, new KeyUsage(rows)));
        return usage;
    }

    /**
     * Destroys the key versions that are not current and that no stored row uses any more: their pseudonyms are
     * all purged, so the key could only ever re-link data that should be gone.
     *
     * @return the versions destroyed, oldest first
     */
    public List<Integer> destroyUnused() {
        Map<Integer, KeyUsage> usage = usage();
        // the deny list of erased people is matched under the key versions it was made with (subject_deny, V54)
        List<Integer> denying = jdbc.queryForList(
                "select distinct key_version from subject_deny where lifted_at is null", Integer.class);
        List<Integer> destroyed = new ArrayList<>();
        for (PseudonymKeyStore.KeyInfo info : keyStore.status()) {
            if (!info.current() && !usage.containsKey(info.version()) && !denying.contains(info.version())
                    && keyStore.destroy(info.version())) {
                destroyed.add(info.version());
            }
        }
        return destroyed;
    }

    private String problemOf(int version) {
        try {
            keyStore.version(version);
            return null;
        } catch (KeyUnavailableException e) {
            return e.getMessage();
        }
    }
}
