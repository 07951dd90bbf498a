package org.zoomcompliance.ingest.normalise;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ingest.normalise.Rows.MeetingRow;
import org.zoomcompliance.ingest.normalise.Rows.RecordingRow;
import org.zoomcompliance.ingest.normalise.Rows.TableRow;
import org.zoomcompliance.ingest.read.RawRow;
import org.zoomcompliance.pseudonymisation.IpPseudonym;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/**
 * The door's deny list of erased people (table {@code subject_deny}, written by {@code subject erase}): a row of an
 * export that still holds such a person is dropped before anything of it is stored, and a meeting or recording they
 * hosted keeps the erased-subject marker in their place. Entries are keyed pseudonyms of an e-mail, a display name
 * ({@link #nameKey}) or an address, under the key version they were made with; the raw values of a row are
 * pseudonymised under the same versions to compare, in memory.
 *
 * <p>A row is dropped when its e-mail is denied, when it has no e-mail and its display name is denied, or when its
 * address is denied. Loaded once per file; empty (and free) when nobody was erased.
 */
public final class SubjectDenyList {

    /** What stands in place of an erased person where a record must stay. */
    public static final String ERASED_SUBJECT = "[erased subject]";

    private static final SubjectDenyList EMPTY = new SubjectDenyList(Map.of(), Set.of());

    private final Map<Integer, Pseudonymiser> versions;
    private final Set<String> entries;

    private SubjectDenyList(Map<Integer, Pseudonymiser> versions, Set<String> entries) {
        this.versions = versions;
        this.entries = entries;
    }

    public static SubjectDenyList empty() {
        return EMPTY;
    }

    /** The entries in force. A version whose key is no longer held cannot match and is left out. */
    public static SubjectDenyList load(JdbcTemplate jdbc, PseudonymKeyStore keys) {
        Set<String> entries = new HashSet<>();
        Map<Integer, Pseudonymiser> versions = new TreeMap<>();
        jdbc.query("select key_version, kind, hash from subject_deny where lifted_at is null", row -> {
            int version = row.getInt(1);
            String entry = entry(version, row.getString(2), row.getString(3));
            keys.version(version).ifPresent(key -> {
                versions.computeIfAbsent(version, v -> new Pseudonymiser(key));
                entries.add(entry);
            });
        });
        return entries.isEmpty() ? EMPTY : new SubjectDenyList(versions, entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether the person a raw row holds (its e-mail, display name or address) is denied. */
    public boolean denies(RawRow raw) {
        if (entries.isEmpty()) {
            return false;
        }
        String email = raw.value("email");
        if (email != null && !email.isBlank()) {
            return deniedEmail(email);
        }
        return deniedName(raw.value("name")) || deniedAddress(raw.value("ip_address"));
    }

    /** A row as stored: a meeting or a recording an erased person hosted, with the marker in their place. */
    public TableRow screen(TableRow row) {
        if (entries.isEmpty()) {
            return row;
        }
        if (row instanceof MeetingRow meeting) {
            return screen(meeting);
        }
        if (row instanceof RecordingRow r && deniedEmail(r.hostEmail())) {
            return new RecordingRow(r.inventoryDate(), r.meetingId(), r.topic(), ERASED_SUBJECT, r.startTime(),
                    r.fileSizeMb(), r.fileCount(), r.totalViews(), r.totalDownloads(), r.lastAccessed(),
                    r.autoDeleteDate());
        }
        return row;
    }

    public MeetingRow screen(MeetingRow m) {
        if (m == null || entries.isEmpty() || !(deniedEmail(m.hostEmail()) || deniedName(m.hostName()))) {
            return m;
        }
        return new MeetingRow(m.meetingId(), m.startTime(), m.endTime(), m.topic(), ERASED_SUBJECT, ERASED_SUBJECT,
                m.durationMinutes(), m.participants(), m.meetingType());
    }

    private boolean deniedEmail(String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        return versions.entrySet().stream()
                .anyMatch(v -> entries.contains(entry(v.getKey(), "EMAIL", v.getValue().email(email))));
    }

    private boolean deniedName(String name) {
        String key = nameKey(name);
        return key != null && versions.entrySet().stream()
                .anyMatch(v -> entries.contains(entry(v.getKey(), "NAME", v.getValue().name(key))));
    }

    private boolean deniedAddress(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        for (Map.Entry<Integer, Pseudonymiser> v : versions.entrySet()) {
            IpPseudonym ip = v.getValue().address(address);
            if (ip != null && entries.contains(entry(v.getKey(), "ADDRESS", ip.address()))) {
                return true;
            }
        }
        return false;
    }

    private static String entry(int version, String kind, String hash) {
        return version + ":" + kind + ":" + hash;
    }

    /**
     * A display name as one person's key, whatever its case, accents, order or role tags: {@code Dupont, Marie
     * (Host)}, {@code marie DUPONT} and {@code Marie Dupont (Marie D.)} all give {@code dupont marie} (the current
     * name; the part in parentheses is the original name). Null when no word is left.
     */
    public static String nameKey(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String current = PersonName.parse(name).name();
        String folded = Normalizer.normalize(current.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").replace("ł", "l").replace("ø", "o")
                .replace("đ", "d");
        List<String> words = Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).sorted().toList();
        return words.isEmpty() ? null : words.stream().collect(Collectors.joining(" "));
    }
}
