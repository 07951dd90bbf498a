package org.zoomcompliance.subject;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.ingest.normalise.SubjectDenyList;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.pseudonymisation.IpPseudonym;
import org.zoomcompliance.pseudonymisation.KeyUnavailableException;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;
import org.zoomcompliance.schema.StoredTable.Trait;
import org.zoomcompliance.schema.StoredTable;

/**
 * Finds the rows a data-subject request is about. An e-mail is matched through its keyed pseudonym under every
 * key version held (participants) and in clear where e-mails are kept (sign-ins, accounts, hosts); a display name
 * by its key ({@link SubjectDenyList#nameKey}: case, accents, order, role tags and the "(original name)" part do
 * not matter), in the current or the original name; an address through its pseudonyms, in memory. A name that
 * several people share gives several candidates: one per pseudonymised e-mail, and one per meeting and day for
 * rows without an e-mail.
 */
@Component
public class SubjectFinder {

    /** Tables whose rows are a person's own, erased with them. */
    static final List<String> OWN_TABLES = StoredTable.names(Trait.PERSONAL);

    private final JdbcTemplate jdbc;
    private final PseudonymKeyStore keyStore;
    private final ZoneId zone;

    public SubjectFinder(JdbcTemplate jdbc, PseudonymKeyStore keyStore, Policy policy) {
        this.jdbc = jdbc;
        this.keyStore = keyStore;
        this.zone = policy.zone();
    }

    /** A pseudonym and the key version that made it. */
    public record Keyed(int version, String hash) {
    }

    /**
     * What is held on one person: row ids per table (own rows, meetings and recordings hosted, deviations naming
     * them), and what identifies them there (for the deny list of an erasure). Never printed.
     */
    public record Person(Map<String, Set<Long>> rows, Set<String> accountEmails, Set<String> names,
            Set<Keyed> emailPseudonyms, Set<Keyed> addressPseudonyms) {

        public Set<Long> ids(String table) {
            return rows.getOrDefault(table, Set.of());
        }

        public boolean isEmpty() {
            return rows.values().stream().allMatch(Set::isEmpty);
        }

        Person merge(Person other) {
            Map<String, Set<Long>> merged = new TreeMap<>();
            rows.forEach((t, ids) -> merged.computeIfAbsent(t, k -> new TreeSet<>()).addAll(ids));
            other.rows.forEach((t, ids) -> merged.computeIfAbsent(t, k -> new TreeSet<>()).addAll(ids));
            return new Person(merged, union(accountEmails, other.accountEmails), union(names, other.names),
                    union(emailPseudonyms, other.emailPseudonyms), union(addressPseudonyms, other.addressPseudonyms));
        }

        private static <T> Set<T> union(Set<T> a, Set<T> b) {
            Set<T> all = new LinkedHashSet<>(a);
            all.addAll(b);
            return all;
        }
    }

    /** One person a request may be about: numbered for the DPO, with where they appear, never who they are. */
    public record Candidate(int number, boolean emailPresent, List<String> appearances, Person person) {
    }

    /** The candidates a request found (none, one, or several for a shared name). */
    public record Findings(List<Candidate> candidates) {

        /**
         * The person to act on: the only candidate, or those the DPO confirmed.
         *
         * @throws AmbiguousSubjectException when several match and none was confirmed, or a number is unknown
         */
        public Person person(List<Integer> confirmed) {
            if (candidates.isEmpty()) {
                return new Person(Map.of(), Set.of(), Set.of(), Set.of(), Set.of());
            }
            if (confirmed.isEmpty()) {
                if (candidates.size() > 1) {
                    throw new AmbiguousSubjectException(candidates);
                }
                return candidates.get(0).person();
            }
            Person person = null;
            for (int number : confirmed) {
                if (number < 1 || number > candidates.size()) {
                    throw new AmbiguousSubjectException(candidates);
                }
                Person one = candidates.get(number - 1).person();
                person = person == null ? one : person.merge(one);
            }
            return person;
        }
    }

    /** Several people match and the DPO has not said which: the candidates, to list. */
    public static final class AmbiguousSubjectException extends RuntimeException {

        private final transient List<Candidate> candidates;

        AmbiguousSubjectException(List<Candidate> candidates) {
            super(candidates.size() + " people match the identifier given: confirm which with --candidate N");
            this.candidates = candidates;
        }

        public List<Candidate> candidates() {
            return candidates;
        }
    }

    public Findings find(SubjectRequest request) {
        List<Pseudonymiser> keys = keys();
        return switch (request.kind()) {
            case EMAIL -> single(byEmail(request.value(), keys));
            case ADDRESS -> single(byAddress(request.value(), keys));
            case NAME -> byName(request.value(), keys);
        };
    }

    /** The person a request is about, after the DPO's confirmation of candidates. */
    public Person person(SubjectRequest request) {
        return find(request).person(request.candidates());
    }

    private List<Pseudonymiser> keys() {
        List<Pseudonymiser> keys = new ArrayList<>();
        if (keyStore.status().isEmpty()) {
            // a home that never ingested: the key is made on first use, as ingest would
            keyStore.current();
        }
        for (PseudonymKeyStore.KeyInfo info : keyStore.status()) {
            keyStore.version(info.version()).ifPresent(key -> keys.add(new Pseudonymiser(key)));
        }
        if (keys.isEmpty()) {
            throw new KeyUnavailableException("no pseudonymisation key is held: a person cannot be looked up");
        }
        return keys;
    }

    private Findings single(Person person) {
        if (person.isEmpty()) {
            return new Findings(List.of());
        }
        return new Findings(List.of(new Candidate(1, !person.emailPseudonyms().isEmpty()
                || !person.accountEmails().isEmpty(), appearances(person), person)));
    }

    private Person byEmail(String email, List<Pseudonymiser> keys) {
        Set<Keyed> pseudonyms = new LinkedHashSet<>();
        for (Pseudonymiser key : keys) {
            pseudonyms.add(new Keyed(key.keyVersion(), key.email(email)));
        }
        // participant e-mails kept in clear when the policy says so (participants.pseudonymise-emails: false)
        Map<String, Set<Long>> rows = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        for (String table : List.of("participant_join", "dashboard_participant", "webinar_registration",
                "disclaimer_response")) {
            jdbc.query("select id, name from " + table + " where (key_version, email_pseudonym) in ("
                    + values(pseudonyms) + ") or email_pseudonym = ?", row -> {
                        rows.computeIfAbsent(table, t -> new TreeSet<>()).add(row.getLong(1));
                        // a disclaimer or a registration may give no name
                        if (row.getString(2) != null) {
                            names.add(row.getString(2));
                        }
                    }, arguments(pseudonyms, email));
        }
        return withAccounts(new Person(rows, new TreeSet<>(Set.of(email)), names, pseudonyms, Set.of()));
    }

    private Person byAddress(String address, List<Pseudonymiser> keys) {
        if (Pseudonymiser.canonical(address).isEmpty()) {
            throw new IllegalArgumentException("the address given is not a valid IPv4 or IPv6 address");
        }
        Set<Keyed> pseudonyms = new LinkedHashSet<>();
        for (Pseudonymiser key : keys) {
            IpPseudonym ip = key.address(address);
            pseudonyms.add(new Keyed(ip.keyVersion(), ip.address()));
        }
        Map<String, Set<Long>> rows = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        jdbc.query("select id, name from dashboard_participant where (key_version, ip_pseudonym) in ("
                + values(pseudonyms) + ")", row -> {
                    rows.computeIfAbsent("dashboard_participant", t -> new TreeSet<>()).add(row.getLong(1));
                    names.add(row.getString(2));
                }, arguments(pseudonyms));
        rows.put("sign_in", new TreeSet<>(jdbc.queryForList("select id from sign_in where (key_version, ip_pseudonym) in ("
                + values(pseudonyms) + ")", Long.class, arguments(pseudonyms))));
        Person person = new Person(rows, Set.of(), names, Set.of(), pseudonyms);
        return withDerived(person, Set.of());
    }

    private Findings byName(String given, List<Pseudonymiser> keys) {
        String key = SubjectDenyList.nameKey(given);
        if (key == null) {
            throw new IllegalArgumentException("the name given holds no word");
        }
        // Names are compared by their key in memory: the name given never reaches the database.
        List<String> matching = new ArrayList<>();
        jdbc.query("""
                select name from participant_join union select original_name from participant_join
                where original_name is not null union select name from dashboard_participant
                union select name from webinar_registration where name is not null
                union select name from disclaimer_response where name is not null""", row -> {
            String name = row.getString(1);
            if (key.equals(SubjectDenyList.nameKey(name))) {
                matching.add(name);
            }
        });
        if (matching.isEmpty()) {
            return new Findings(List.of());
        }
        String[] names = matching.toArray(String[]::new);
        Map<String, Map<String, Set<Long>>> groups = new LinkedHashMap<>();
        Map<String, Keyed> groupEmail = new LinkedHashMap<>();
        Map<String, Set<String>> groupNames = new LinkedHashMap<>();
        jdbc.query("""
                select 'participant_join', id, email_pseudonym, key_version, meeting_id,
                       zc_join_moment(meeting_start, join_time), name
                from participant_join where name = any(?) or original_name = any(?)
                union all
                select 'dashboard_participant', id, email_pseudonym, key_version, meeting_id,
                       zc_join_moment(meeting_start, join_time), name
                from dashboard_participant where name = any(?)
                union all
                select 'webinar_registration', id, email_pseudonym, key_version, webinar_id,
                       coalesce(webinar_start, registration_time), name
                from webinar_registration where name = any(?)
                union all
                select 'disclaimer_response', id, email_pseudonym, key_version, meeting_id,
                       coalesce(meeting_start, response_time), name
                from disclaimer_response where name = any(?)
                order by 6, 2""", row -> {
            String email = row.getString(3);
            Timestamp at = row.getTimestamp(6);
            String group = email != null ? "e:" + email
                    : "m:" + row.getString(5) + "@" + (at == null ? "" : at.toInstant().atZone(zone).toLocalDate());
            groups.computeIfAbsent(group, g -> new TreeMap<>())
                    .computeIfAbsent(row.getString(1), t -> new TreeSet<>()).add(row.getLong(2));
            if (email != null) {
                groupEmail.put(group, new Keyed(row.getInt(4), email));
            }
            groupNames.computeIfAbsent(group, g -> new TreeSet<>()).add(row.getString(7));
        }, names, names, names, names, names);
        Map<String, String> accounts = accountsByPseudonym(groupEmail.values(), keys);
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, Map<String, Set<Long>>> group : groups.entrySet()) {
            Keyed email = groupEmail.get(group.getKey());
            Set<String> accountEmails = new TreeSet<>();
            if (email != null) {
                String clear = email.hash().contains("@") ? email.hash() : accounts.get(email.version() + ":" + email.hash());
                if (clear != null) {
                    accountEmails.add(clear);
                }
            }
            Person person = new Person(group.getValue(), accountEmails, groupNames.get(group.getKey()),
                    email == null ? Set.of() : Set.of(email), Set.of());
            person = accountEmails.isEmpty() ? withDerived(person, Set.of()) : withAccounts(person);
            candidates.add(new Candidate(candidates.size() + 1, email != null, appearances(person), person));
        }
        return new Findings(candidates);
    }

    /**
     * The clear e-mails of accounts (sign-ins, users, hosts) whose pseudonym is one of those given: so that a
     * participant found by name is linked to their own sign-ins. Pseudonymised in memory, account by account.
     */
    private Map<String, String> accountsByPseudonym(java.util.Collection<Keyed> pseudonyms, List<Pseudonymiser> keys) {
        Map<String, String> found = new TreeMap<>();
        if (pseudonyms.isEmpty()) {
            return found;
        }
        Set<String> wanted = new TreeSet<>();
        pseudonyms.forEach(p -> wanted.add(p.version() + ":" + p.hash()));
        jdbc.query("""
                select lower(email) from sign_in union select lower(email) from zoom_user
                union select lower(email) from host_activity
                union select lower(host_email) from meeting where host_email is not null""", row -> {
            String email = row.getString(1);
            for (Pseudonymiser key : keys) {
                String keyed = key.keyVersion() + ":" + key.email(email);
                if (wanted.contains(keyed)) {
                    found.put(keyed, email);
                }
            }
        });
        return found;
    }

    /** The rows kept under the person's account e-mails, in clear: sign-ins, accounts, meetings and recordings hosted. */
    private Person withAccounts(Person person) {
        Map<String, Set<Long>> rows = new TreeMap<>(person.rows());
        String[] emails = person.accountEmails().toArray(String[]::new);
        for (String table : List.of("sign_in", "zoom_user", "host_activity")) {
            rows.computeIfAbsent(table, t -> new TreeSet<>()).addAll(
                    jdbc.queryForList("select id from " + table + " where lower(email) = any(?)", Long.class,
                            (Object) emails));
        }
        rows.put("meeting", new TreeSet<>(jdbc.queryForList(
                "select id from meeting where lower(host_email) = any(?)", Long.class, (Object) emails)));
        rows.put("recording", new TreeSet<>(jdbc.queryForList(
                "select id from recording where lower(host_email) = any(?)", Long.class, (Object) emails)));
        return withDerived(new Person(rows, person.accountEmails(), person.names(), person.emailPseudonyms(),
                person.addressPseudonyms()), person.accountEmails());
    }

    /** Deviations that name the person and quarantined rows that contain them. */
    private Person withDerived(Person person, Set<String> accounts) {
        Map<String, Set<Long>> rows = new TreeMap<>(person.rows());
        List<String> subjects = new ArrayList<>();
        List<String> participantSubjects = new ArrayList<>();
        for (String account : accounts) {
            subjects.add("account:" + account);
            subjects.add("host:" + account);
        }
        person.emailPseudonyms().forEach(p -> participantSubjects.add("%:participant:" + like(p.hash())));
        person.names().forEach(n -> participantSubjects.add("%:participant:name:" + like(n.toLowerCase())));
        String[] meetings = meetingsOf(person).toArray(String[]::new);
        List<String> evidence = person.names().stream().map(n -> "%" + like(n.toLowerCase()) + "%").toList();
        rows.put("deviation", new TreeSet<>(jdbc.queryForList("""
                select id from deviation
                where lower(host_email) = any(?) or subject = any(?) or subject like any(?)
                   or (meeting_id = any(?) and lower(evidence) like any(?))""", Long.class,
                accounts.toArray(String[]::new), subjects.toArray(String[]::new),
                participantSubjects.toArray(String[]::new), meetings, evidence.toArray(String[]::new))));
        List<String> needles = new ArrayList<>();
        accounts.forEach(a -> needles.add("%" + like(a) + "%"));
        person.emailPseudonyms().forEach(p -> needles.add("%" + like(p.hash()) + "%"));
        person.addressPseudonyms().forEach(p -> needles.add("%" + like(p.hash()) + "%"));
        person.names().forEach(n -> needles.add("%" + like(n.toLowerCase()) + "%"));
        rows.put("quarantined_row", new TreeSet<>(jdbc.queryForList(
                "select id from quarantined_row where lower(content) like any(?)", Long.class,
                (Object) needles.toArray(String[]::new))));
        return new Person(rows, person.accountEmails(), person.names(), person.emailPseudonyms(),
                person.addressPseudonyms());
    }

    /** The meeting IDs the person joined or hosted. */
    Set<String> meetingsOf(Person person) {
        Set<String> meetings = new TreeSet<>();
        for (String table : List.of("participant_join", "dashboard_participant", "meeting")) {
            meetings.addAll(jdbc.queryForList("select meeting_id from " + table + " where id = any(?)", String.class,
                    (Object) person.ids(table).toArray(Long[]::new)));
        }
        return meetings;
    }

    /** Where a candidate appears: meeting and day, for the DPO to tell candidates apart. */
    private List<String> appearances(Person person) {
        List<String> appearances = new ArrayList<>();
        for (String table : List.of("participant_join", "dashboard_participant")) {
            jdbc.query("select distinct meeting_id, zc_join_moment(meeting_start, join_time) from " + table
                    + " where id = any(?) order by 2 nulls last, 1", row -> {
                        Timestamp at = row.getTimestamp(2);
                        LocalDate day = at == null ? null : at.toInstant().atZone(zone).toLocalDate();
                        String appearance = "meeting " + row.getString(1) + (day == null ? "" : " on " + day);
                        if (!appearances.contains(appearance)) {
                            appearances.add(appearance);
                        }
                    }, (Object) person.ids(table).toArray(Long[]::new));
        }
        if (!person.ids("sign_in").isEmpty()) {
            appearances.add(person.ids("sign_in").size() + " sign-in event(s)");
        }
        return appearances;
    }

    private static String values(Set<Keyed> pseudonyms) {
        StringBuilder values = new StringBuilder("values ");
        for (int i = 0; i < pseudonyms.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(?::integer, ?::text)");
        }
        return values.toString();
    }

    private static Object[] arguments(Set<Keyed> pseudonyms, Object... more) {
        List<Object> arguments = new ArrayList<>();
        pseudonyms.forEach(p -> {
            arguments.add(p.version());
            arguments.add(p.hash());
        });
        arguments.addAll(List.of(more));
        return arguments.toArray();
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
