package org.zoomcompliance.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The policy a process runs under: its typed values, where they came from, and the effective values (defaults
 * merged with the file, one {@code key.path = value} each) that identify it. Evaluation records them per month so
 * that the workbook says which policy produced a register, and a re-evaluation says what changed.
 *
 * @param origin where the policy came from, for people: a file and why it was chosen, or the built-in defaults
 * @param values every effective value by key path ({@code institution.name}, {@code profiles.MEETING.groups})
 */
public record LoadedPolicy(Policy policy, String origin, boolean override, SortedMap<String, String> values) {

    /** SHA-256 of the effective values: two files that say the same thing have the same one. */
    public String sha256() {
        StringBuilder canonical = new StringBuilder();
        values.forEach((key, value) -> canonical.append(key).append('=').append(value).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** What differs from {@code earlier} effective values, one {@code key: old -> new} line per key, in key order. */
    public List<String> changesFrom(Map<String, String> earlier) {
        TreeSet<String> keys = new TreeSet<>(earlier.keySet());
        keys.addAll(values.keySet());
        List<String> changes = new ArrayList<>();
        for (String key : keys) {
            String before = earlier.get(key);
            String now = values.get(key);
            if (before == null || !before.equals(now)) {
                changes.add(key + ": " + (before == null ? "(absent)" : before) + " -> " + (now == null ? "(absent)" : now));
            }
        }
        return changes;
    }
}
