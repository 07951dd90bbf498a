package org.zoomcompliance.subject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.ingest.normalise.SubjectDenyList;
import org.zoomcompliance.operations.AuditLog;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;
import org.zoomcompliance.report.MonthlyReport;
import org.zoomcompliance.report.ReportEntry;
import org.zoomcompliance.subject.SubjectFinder.Keyed;
import org.zoomcompliance.subject.SubjectFinder.Person;

/**
 * Right to erasure (GDPR art. 17): the person's own rows are deleted (participant, dashboard, sign-in, account
 * and quarantined rows), their identity replaced by the erased-subject marker where a record must stay (a meeting
 * or recording they hosted, a deviation kept as a compliance record), the raw exports of {@code processed/} that
 * hold them deleted, the month workbooks that named them rebuilt as new versions and the superseded files deleted,
 * and a deny list keeps them out of later ingests. Deviations under a legal hold, and the person's rows of those
 * meetings, are kept as they are; the receipt says which and why. The receipt names no one.
 */
@Component
public class SubjectErasure {

    public static final String AUDIT_ACTION = "SUBJECT_ERASE";

    private final JdbcTemplate jdbc;
    private final SubjectFinder finder;
    private final SubjectRecords records;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final PseudonymKeyStore keyStore;
    private final MonthlyReport reports;
    private final HomeFolder home;
    private final Clock clock;
    private final Policy policy;

    public SubjectErasure(JdbcTemplate jdbc, SubjectFinder finder, SubjectRecords records, AuditLog audit,
            PlatformTransactionManager transactionManager, PseudonymKeyStore keyStore, MonthlyReport reports,
            HomeFolder home, Clock clock, Policy policy) {
        this.jdbc = jdbc;
        this.finder = finder;
        this.records = records;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.keyStore = keyStore;
        this.reports = reports;
        this.home = home;
        this.clock = clock;
        this.policy = policy;
    }

    /** The erasure done: its number, the receipt's text and where the receipt was written. */
    public record Receipt(long id, String text, Path file, Map<String, Integer> removed, List<String> rebuilt) {
    }

    /** A deviation kept under a legal hold, and why. */
    private record Held(long id, String month, String rule, String meetingId, String reason) {
    }

    public Receipt erase(SubjectRequest request, String actor) {
        Person person = finder.person(request);
        String subjectHash = records.subjectHash(request);
        Map<String, Integer> removed = new LinkedHashMap<>();
        Map<String, Integer> marked = new LinkedHashMap<>();
        List<Held> held = new ArrayList<>();
        Set<String> sourceFiles = new TreeSet<>();
        SortedSet<YearMonth> months = new TreeSet<>();
        long id = transaction.execute(status -> {
            long erasure = jdbc.queryForObject("insert into subject_erasure (subject_hash, key_version, erased_at,"
                    + " erased_by, receipt) values (?, ?, ?, ?, '') returning id", Long.class, subjectHash,
                    records.currentKeyVersion(), Timestamp.from(clock.instant()), actor);
            held.addAll(held(person));
            Set<String> heldMeetings = new TreeSet<>();
            held.forEach(h -> heldMeetings.add(h.meetingId()));
            months.addAll(months(person));
            for (String table : SubjectFinder.OWN_TABLES) {
                Long[] ids = person.ids(table).toArray(Long[]::new);
                sourceFiles.addAll(jdbc.queryForList("select distinct f.sha256 from " + table + " t join source_file f"
                        + " on f.id = t.source_file_id where t.id = any(?)", String.class, (Object) ids));
                String keep = heldMeetings.isEmpty() || !List.of("participant_join", "dashboard_participant").contains(table)
                        ? "" : " and meeting_id <> all(?)";
                Object[] arguments = keep.isEmpty() ? new Object[] {ids}
                        : new Object[] {ids, heldMeetings.toArray(String[]::new)};
                if (SubjectRestriction.TABLES.contains(table)) {
                    jdbc.update("delete from subject_restricted_row where table_name = ? and row_id = any(?)", table,
                            (Object) ids);
                }
                removed.put(table, jdbc.update("delete from " + table + " where id = any(?)" + keep, arguments));
            }
            String[] accounts = person.accountEmails().toArray(String[]::new);
            removed.put("account_profile", jdbc.update("delete from account_profile where lower(email) = any(?)",
                    (Object) accounts));
            String marker = SubjectDenyList.ERASED_SUBJECT;
            marked.put("meeting", jdbc.update("update meeting set host_name = ?, host_email = ? where id = any(?)",
                    marker, marker, person.ids("meeting").toArray(Long[]::new)));
            marked.put("recording", jdbc.update("update recording set host_email = ? where id = any(?)", marker,
                    person.ids("recording").toArray(Long[]::new)));
            marked.put("meeting_transfer", jdbc.update(
                    "update meeting_transfer set host_email = ? where lower(host_email) = any(?)", marker,
                    (Object) accounts));
            marked.put("deviation", markDeviations(person, held, erasure));
            deny(request, person, erasure);
            return erasure;
        });
        int exports = deleteExports(sourceFiles);
        List<String> rebuilt = rebuild(months, id);
        String text = receipt(id, actor, subjectHash, removed, marked, exports, rebuilt, held);
        Path file = home.root().resolve("subject-requests").resolve("erasure-" + id + ".txt");
        try {
            Files.createDirectories(file.getParent());
            SubjectRecords.ownerOnly(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the erasure receipt: " + e.getMessage(), e);
        }
        jdbc.update("update subject_erasure set receipt = ? where id = ?", text, id);
        audit.record(actor, AUDIT_ACTION, subjectHash, null, "erasure " + id + ": removed "
                + SubjectAccess.describe(removed) + "; marked " + SubjectAccess.describe(marked) + "; raw exports "
                + exports + "; workbooks rebuilt " + rebuilt + "; held " + held.size());
        return new Receipt(id, text, file, removed, rebuilt);
    }

    /** The person's deviations under a legal hold. */
    private List<Held> held(Person person) {
        return jdbc.query("""
                select d.id, to_char(d.month, 'YYYY-MM'), d.rule_code, d.meeting_id, h.reason
                from deviation d join legal_hold h
                     on h.month = d.month and h.rule_code = d.rule_code and h.subject = d.subject
                where d.id = any(?) order by d.month, d.rule_code, d.id""", (rs, n) -> new Held(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                (Object) person.ids("deviation").toArray(Long[]::new));
    }

    /**
     * Deviations that stay as compliance records, the person replaced by the marker: host e-mail, the subject's
     * e-mail or participant key, and their names and e-mails in the evidence: in its English text and in the
     * arguments its sentence is rendered from in the institution's language (docs/evidence.md).
     */
    private int markDeviations(Person person, List<Held> held, long erasure) {
        Set<Long> kept = new TreeSet<>();
        held.forEach(h -> kept.add(h.id()));
        List<Pattern> identities = new ArrayList<>();
        for (String value : person.accountEmails()) {
            identities.add(Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        for (String name : person.names()) {
            identities.add(Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        for (Keyed pseudonym : person.emailPseudonyms()) {
            identities.add(Pattern.compile(Pattern.quote(pseudonym.hash())));
        }
        int marked = 0;
        for (Map<String, Object> deviation : jdbc.queryForList(
                "select id, month, rule_code, subject, host_email, evidence, evidence_args::text as evidence_args"
                        + " from deviation where id = any(?)",
                (Object) person.ids("deviation").toArray(Long[]::new))) {
            long id = ((Number) deviation.get("id")).longValue();
            if (kept.contains(id)) {
                continue;
            }
            String hostEmail = (String) deviation.get("host_email");
            if (hostEmail != null && person.accountEmails().contains(hostEmail.toLowerCase(java.util.Locale.ROOT))) {
                hostEmail = SubjectDenyList.ERASED_SUBJECT;
            }
            String subject = replace((String) deviation.get("subject"), identities, "erased-" + erasure);
            subject = subject.replaceAll(":participant:name:.*$", ":participant:erased-" + erasure);
            marked += jdbc.update("update deviation set subject = ?, host_email = ?, evidence = ?,"
                    + " evidence_args = cast(? as jsonb) where id = ?",
                    subject, hostEmail, replace((String) deviation.get("evidence"), identities,
                            SubjectDenyList.ERASED_SUBJECT),
                    EvidenceText.replaceStrings((String) deviation.get("evidence_args"),
                            text -> replace(text, identities, SubjectDenyList.ERASED_SUBJECT)), id);
            // the DPO's notes follow their deviation, the person replaced in them too
            for (Map<String, Object> note : jdbc.queryForList("select note, noted_at from deviation_note"
                    + " where month = ? and rule_code = ? and subject = ?", deviation.get("month"),
                    deviation.get("rule_code"), deviation.get("subject"))) {
                jdbc.update("update deviation_note set subject = ?, note = ? where month = ? and rule_code = ?"
                        + " and subject = ? and noted_at = ?", subject, replace((String) note.get("note"), identities,
                        SubjectDenyList.ERASED_SUBJECT), deviation.get("month"), deviation.get("rule_code"),
                        deviation.get("subject"), note.get("noted_at"));
            }
        }
        return marked;
    }

    private static String replace(String text, List<Pattern> identities, String marker) {
        if (text == null) {
            return null;
        }
        for (Pattern identity : identities) {
            text = identity.matcher(text).replaceAll(Matcher.quoteReplacement(marker));
        }
        return text;
    }

    /**
     * The deny list: the person's e-mails, display names and (for a request by address) the address, as keyed
     * pseudonyms under every key version held, so later ingests drop them whichever key is current.
     */
    private void deny(SubjectRequest request, Person person, long erasure) {
        Set<String> emails = new LinkedHashSet<>(person.accountEmails());
        Set<String> names = new LinkedHashSet<>(person.names());
        if (request.kind() == SubjectRequest.Kind.EMAIL) {
            emails.add(request.value());
        }
        if (request.kind() == SubjectRequest.Kind.NAME) {
            names.add(request.value());
        }
        List<Object[]> entries = new ArrayList<>();
        for (PseudonymKeyStore.KeyInfo info : keyStore.status()) {
            keyStore.version(info.version()).ifPresent(key -> {
                Pseudonymiser keyed = new Pseudonymiser(key);
                emails.forEach(e -> entries.add(new Object[] {erasure, key.version(), "EMAIL", keyed.email(e)}));
                names.forEach(n -> {
                    String hash = keyed.name(SubjectDenyList.nameKey(n));
                    if (hash != null) {
                        entries.add(new Object[] {erasure, key.version(), "NAME", hash});
                    }
                });
                if (request.kind() == SubjectRequest.Kind.ADDRESS) {
                    entries.add(new Object[] {erasure, key.version(), "ADDRESS", keyed.address(request.value()).address()});
                }
            });
        }
        // pseudonyms found in the rows, under the versions that made them (a version no longer held included)
        for (Keyed pseudonym : person.emailPseudonyms()) {
            if (!pseudonym.hash().contains("@")) {
                entries.add(new Object[] {erasure, pseudonym.version(), "EMAIL", pseudonym.hash()});
            }
        }
        jdbc.batchUpdate("insert into subject_deny (erasure_id, key_version, kind, hash) values (?, ?, ?, ?)"
                + " on conflict do nothing", entries);
    }

    /** The months whose workbook may name the person: of their rows, and of the deviations naming them. */
    private SortedSet<YearMonth> months(Person person) {
        String zone = policy.zone().getId();
        SortedSet<YearMonth> months = new TreeSet<>();
        jdbc.queryForList("""
                select to_char(zc_join_moment(meeting_start, join_time) at time zone ?, 'YYYY-MM') from participant_join
                where id = any(?)
                union select to_char(zc_join_moment(meeting_start, join_time) at time zone ?, 'YYYY-MM')
                from dashboard_participant where id = any(?)
                union select to_char(event_time at time zone ?, 'YYYY-MM') from sign_in where id = any(?)
                union select to_char(start_time at time zone ?, 'YYYY-MM') from meeting where id = any(?)
                union select to_char(month, 'YYYY-MM') from deviation where id = any(?)""", String.class,
                zone, ids(person, "participant_join"), zone, ids(person, "dashboard_participant"), zone,
                ids(person, "sign_in"), zone, ids(person, "meeting"), ids(person, "deviation"))
                .stream().filter(m -> m != null).forEach(m -> months.add(YearMonth.parse(m)));
        return months;
    }

    /** Deletes the raw exports of {@code processed/} whose content is that of a file the person's rows came from. */
    private int deleteExports(Set<String> sha256s) {
        Path processed = home.processed();
        if (sha256s.isEmpty() || !Files.isDirectory(processed)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.walk(processed)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (sha256s.contains(SubjectRecords.sha256(file))) {
                    Files.delete(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the raw exports holding the person: " + e.getMessage(), e);
        }
        return deleted;
    }

    /** Rebuilds each month that has a workbook as a new version, then deletes the superseded files. */
    private List<String> rebuild(SortedSet<YearMonth> months, long erasure) {
        List<String> rebuilt = new ArrayList<>();
        for (YearMonth month : months) {
            if (reports.kept(month).isEmpty()) {
                continue;
            }
            JobExecution execution = reports.build(month, null);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("the workbook of " + month + " could not be rebuilt ("
                        + JobRunner.reason(execution) + "): its earlier versions are kept; run the erasure again");
            }
            ReportEntry newest = reports.producedBy(execution).orElseThrow();
            List<ReportEntry> superseded = reports.supersede(month, newest, "superseded by erasure " + erasure);
            rebuilt.add(month + " (version " + newest.version() + "; deleted version(s) "
                    + superseded.stream().map(e -> String.valueOf(e.version())).toList() + ")");
        }
        return rebuilt;
    }

    private String receipt(long id, String actor, String subjectHash, Map<String, Integer> removed,
            Map<String, Integer> marked, int exports, List<String> rebuilt, List<Held> held) {
        StringBuilder text = new StringBuilder();
        text.append("Erasure receipt ").append(id).append('\n');
        text.append("At: ").append(clock.instant()).append('\n');
        text.append("By: ").append(actor).append('\n');
        text.append("Request: ").append(subjectHash).append(" (keyed hash of the identifier given)\n");
        text.append("Rows removed, per table:\n");
        removed.forEach((table, n) -> text.append("  ").append(table).append(": ").append(n).append('\n'));
        text.append("Records kept with the erased-subject marker, per table:\n");
        marked.forEach((table, n) -> text.append("  ").append(table).append(": ").append(n).append('\n'));
        text.append("Raw exports deleted from processed/: ").append(exports).append('\n');
        text.append("Workbooks rebuilt: ").append(rebuilt.isEmpty() ? "none" : String.join(", ", rebuilt)).append('\n');
        text.append("Later ingests drop the person at the door until `subject lift` is run for the same identifier.\n");
        text.append("Kept under a legal hold: ").append(held.isEmpty() ? "none" : "").append('\n');
        for (Held h : held) {
            text.append("  deviation ").append(h.id()).append(' ').append(h.rule()).append(' ').append(h.month())
                    .append(" meeting ").append(h.meetingId()).append(", with the person's rows of that meeting: ")
                    .append(h.reason()).append('\n');
        }
        return text.toString();
    }

    private static Long[] ids(Person person, String table) {
        return person.ids(table).toArray(Long[]::new);
    }
}
