package org.zoomcompliance.subject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.operations.AuditLog;
import org.zoomcompliance.config.LoadedPolicy;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.subject.SubjectFinder.Person;

/**
 * Right of access (GDPR art. 15): a workbook of everything held on one person, in the institution's language,
 * with the processing information; nothing about anyone else (other participants are counted, never named). The
 * request and what it returned are audited under a keyed hash of the identifier.
 */
@Component
public class SubjectAccess {

    /** Audit action of an access request. */
    public static final String AUDIT_ACTION = "SUBJECT_ACCESS";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final JdbcTemplate jdbc;
    private final SubjectFinder finder;
    private final SubjectRecords records;
    private final AuditLog audit;
    private final HomeFolder home;
    private final Clock clock;
    private final Policy policy;

    public SubjectAccess(JdbcTemplate jdbc, SubjectFinder finder, SubjectRecords records, AuditLog audit,
            HomeFolder home, Clock clock, LoadedPolicy loaded) {
        this.jdbc = jdbc;
        this.finder = finder;
        this.records = records;
        this.audit = audit;
        this.home = home;
        this.clock = clock;
        this.policy = loaded.policy();
    }

    /** The workbook written and the records it holds per sheet. */
    public record Answer(Path file, Map<String, Integer> counts, String sha256) {

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Where answers go when no {@code --out} is given: an owner-only folder of the home. */
    public Path defaultFolder() {
        return home.root().resolve("subject-requests");
    }

    /**
     * Writes the answer to a request.
     *
     * @param out the file to write, or null for {@link #defaultFolder()}
     * @throws SubjectFinder.AmbiguousSubjectException when a name matches several people none of whom was confirmed
     */
    public Answer answer(SubjectRequest request, Path out, String actor) {
        Person person = finder.person(request);
        Messages messages = records.messages();
        Path target = out != null ? out : defaultFolder().resolve("access-" + STAMP.format(
                OffsetDateTime.now(clock.withZone(policy.zone()))) + ".xlsx");
        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            Path folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            if (out == null) {
                SubjectRecords.ownerOnly(folder);
            }
            Path temporary = Files.createTempFile(folder, ".access-", ".tmp");
            try {
                try (AccessWorkbook workbook = new AccessWorkbook(messages, policy.zone());
                        OutputStream stream = Files.newOutputStream(temporary)) {
                    fill(workbook, messages, request, person, counts);
                    workbook.write(stream);
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            String sha256 = SubjectRecords.sha256(target);
            audit.record(actor, AUDIT_ACTION, records.subjectHash(request), sha256, describe(counts));
            return new Answer(target, counts, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the access workbook: " + e.getMessage(), e);
        }
    }

    static String describe(Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((sheet, n) -> text.append(text.isEmpty() ? "" : ", ").append(sheet).append(' ').append(n));
        return text.toString();
    }

    private void fill(AccessWorkbook workbook, Messages m, SubjectRequest request, Person person,
            Map<String, Integer> counts) {
        AccessWorkbook.SheetRows summary = workbook.sheet("subject.access.sheet.summary",
                List.of("subject.access.header.item", "subject.access.header.value"));
        summary.width(0, 40);
        summary.width(1, 80);
        AccessWorkbook.SheetRows meetings = meetings(workbook, person);
        AccessWorkbook.SheetRows signIns = signIns(workbook, person);
        AccessWorkbook.SheetRows recordings = recordings(workbook, person);
        AccessWorkbook.SheetRows accounts = accounts(workbook, m, person);
        AccessWorkbook.SheetRows deviations = deviations(workbook, m, person);
        AccessWorkbook.SheetRows quarantine = quarantine(workbook, m, person);
        AccessWorkbook.SheetRows registrations = registrations(workbook, m, person);
        AccessWorkbook.SheetRows notices = notices(workbook, m, person);
        counts.put("meetings", meetings.rows());
        counts.put("sign-ins", signIns.rows());
        counts.put("recordings", recordings.rows());
        counts.put("accounts", accounts.rows());
        counts.put("deviations", deviations.rows());
        counts.put("quarantined rows", quarantine.rows());
        counts.put("webinar registrations", registrations.rows());
        counts.put("notice answers", notices.rows());
        summary.add(m.get("subject.access.title", policy.institution().name()), "");
        summary.add(m.get("subject.access.generated"), OffsetDateTime.now(clock));
        summary.add(m.get("subject.access.request"), m.get("subject.access.request."
                + request.kind().name().toLowerCase(java.util.Locale.ROOT)));
        summary.add(m.get("subject.access.sheet.meetings"), meetings.rows());
        summary.add(m.get("subject.access.sheet.sign-ins"), signIns.rows());
        summary.add(m.get("subject.access.sheet.recordings"), recordings.rows());
        summary.add(m.get("subject.access.sheet.accounts"), accounts.rows());
        summary.add(m.get("subject.access.sheet.deviations"), deviations.rows());
        summary.add(m.get("subject.access.sheet.quarantine"), quarantine.rows());
        summary.add(m.get("subject.access.sheet.registrations"), registrations.rows());
        summary.add(m.get("subject.access.sheet.notices"), notices.rows());
        summary.add(person.isEmpty() ? m.get("subject.access.none") : m.get("subject.access.note"), "");
        processing(workbook, m);
    }

    /**
     * Meetings joined (one row per join or dashboard session) and hosted. The occurrence is the export's, else the
     * meeting of that ID nearest to the join; other participants are the distinct people (e-mail, else name) of the
     * same meeting ID that day, the person's own rows left out.
     */
    private AccessWorkbook.SheetRows meetings(AccessWorkbook workbook, Person person) {
        AccessWorkbook.SheetRows sheet = workbook.sheet("subject.access.sheet.meetings", List.of(
                "subject.access.header.meeting-id", "subject.access.header.occurrence", "subject.access.header.topic",
                "subject.access.header.host", "subject.access.header.role", "subject.access.header.joined",
                "subject.access.header.left", "subject.access.header.duration", "subject.access.header.device",
                "subject.access.header.country", "subject.access.header.data-centre",
                "subject.access.header.address-recorded", "subject.access.header.others",
                "subject.access.header.source"));
        Long[] joins = ids(person, "participant_join");
        Long[] sessions = ids(person, "dashboard_participant");
        Long[] hosted = ids(person, "meeting");
        Messages m = records.messages();
        jdbc.query("""
                with own as (
                    select j.meeting_id, j.meeting_start, j.role, j.join_time, j.leave_time, j.duration_minutes,
                           null::text as device, null::text as country, null::text as data_centre,
                           null::boolean as address, 'participants' as source
                    from participant_join j where j.id = any(?)
                    union all
                    select d.meeting_id, d.meeting_start, d.role, d.join_time, d.leave_time,
                           (extract(epoch from d.leave_time - d.join_time) / 60)::integer, d.device,
                           d.location_country, d.data_centre, d.ip_pseudonym is not null, 'dashboard'
                    from dashboard_participant d where d.id = any(?)
                    union all
                    select m.meeting_id, m.start_time, 'HOST', null, null, m.duration_minutes, null, null, null, null,
                           'meetings'
                    from meeting m where m.id = any(?)
                ), placed as (
                    select o.*, m.start_time as occurrence, m.topic, coalesce(m.host_email, m.host_name) as host,
                           (coalesce(o.meeting_start, o.join_time, m.start_time) at time zone ?)::date as day
                    from own o
                    left join lateral (
                        select start_time, topic, host_email, host_name from meeting m
                        where m.meeting_id = o.meeting_id
                          and (o.meeting_start is null or m.start_time = o.meeting_start)
                        order by abs(extract(epoch from m.start_time - coalesce(o.join_time, m.start_time)))
                        limit 1) m on true
                )
                select p.meeting_id, coalesce(p.occurrence, p.meeting_start), p.topic, p.host, p.role, p.join_time,
                       p.leave_time, p.duration_minutes, p.device, p.country, p.data_centre, p.address,
                       (select count(distinct coalesce(x.email_pseudonym, lower(x.name))) from (
                            select email_pseudonym, name, zc_join_moment(meeting_start, join_time) as at
                            from participant_join where meeting_id = p.meeting_id and id <> all(?)
                            union all
                            select email_pseudonym, name, zc_join_moment(meeting_start, join_time)
                            from dashboard_participant where meeting_id = p.meeting_id and id <> all(?)) x
                        where (x.at at time zone ?)::date = p.day) as others,
                       p.source
                from placed p
                order by 2 nulls last, 1, 6 nulls first""", row -> {
            String role = row.getString(5);
            sheet.add(row.getString(1), time(row, 2), row.getString(3), row.getString(4),
                    m.get("subject.access.role." + ("HOST".equals(role) ? "host"
                            : "CO_HOST".equals(role) ? "co-host" : "participant")),
                    time(row, 6), time(row, 7), integer(row, 8), row.getString(9), row.getString(10),
                    row.getString(11), bool(row, 12), row.getLong(13),
                    m.get("subject.access.source." + row.getString(14)));
        }, joins, sessions, hosted, policy.zone().getId(), joins, sessions, policy.zone().getId());
        return sheet;
    }

    private AccessWorkbook.SheetRows signIns(AccessWorkbook workbook, Person person) {
        AccessWorkbook.SheetRows sheet = workbook.sheet("subject.access.sheet.sign-ins", List.of(
                "subject.access.header.time", "subject.access.header.event", "subject.access.header.client-type",
                "subject.access.header.client-version", "subject.access.header.address-recorded"));
        jdbc.query("select event_time, event_type, client_type, client_version, ip_pseudonym is not null"
                + " from sign_in where id = any(?) order by event_time", row -> {
                    sheet.add(time(row, 1), row.getString(2), row.getString(3), row.getString(4), bool(row, 5));
                }, (Object) ids(person, "sign_in"));
        return sheet;
    }

    private AccessWorkbook.SheetRows recordings(AccessWorkbook workbook, Person person) {
        AccessWorkbook.SheetRows sheet = workbook.sheet("subject.access.sheet.recordings", List.of(
                "subject.access.header.meeting-id", "subject.access.header.topic", "subject.access.header.recorded",
                "subject.access.header.inventory", "subject.access.header.size", "subject.access.header.files"));
        jdbc.query("select meeting_id, topic, start_time, inventory_date, file_size_mb, file_count from recording"
                + " where id = any(?) order by inventory_date, start_time", row -> {
                    sheet.add(row.getString(1), row.getString(2), time(row, 3), day(row, 4),
                            row.getBigDecimal(5), integer(row, 6));
                }, (Object) ids(person, "recording"));
        return sheet;
    }

    private AccessWorkbook.SheetRows accounts(AccessWorkbook workbook, Messages m, Person person) {
        AccessWorkbook.SheetRows sheet = workbook.sheet("subject.access.sheet.accounts", List.of(
                "subject.access.header.snapshot", "subject.access.header.kind", "subject.access.header.user-type",
                "subject.access.header.department", "subject.access.header.groups",
                "subject.access.header.last-login"));
        jdbc.query("""
                select snapshot_date, 'users', user_type, department, array_to_string(groups, ', '), last_login_time
                from zoom_user where id = any(?)
                union all
                select snapshot_date, 'hosts', user_type, department, null, last_login_time
                from host_activity where id = any(?)
                order by 1, 2""", row -> {
            sheet.add(day(row, 1), m.get("subject.access.kind." + row.getString(2)), row.getString(3),
                    row.getString(4), row.getString(5), time(row, 6));
        }, ids(person, "zoom_user"), ids(person, "host_activity"));
        return sheet;
    }

    /**
     * Deviations that concern the person, without their evidence sentence: it may name other people (an
     * intrusion's examples), and the access answer names nobody else.
     */
    private AccessWorkbook.SheetRows deviations(AccessWorkbook workbook, Messages m, Person person) {
        AccessWorkbook.SheetRows sheet = workbook.sheet("subject.access.sheet.deviations", List.of(
                "subject.access.header.month", "subject.access.header.rule", "subject.access.header.severity",
                "subject.access.header.status", "subject.access.header.occurred", "subject.access.header.meeting-id",
                "subject.access.header.names-you", "subject.access.header.dpo-note"));
        String[] accounts = person.accountEmails().toArray(String[]::new);
        jdbc.query("""
                select d.month, d.rule_code, d.severity, d.status, d.occurred_at, d.meeting_id,
                       case when lower(d.host_email) = any(?) then 'host'
                            when d.subject like 'account:%' or d.subject like 'host:%' then 'account'
                            else 'participant' end,
                       (select string_agg(n.note, ' / ' order by n.noted_at) from deviation_note n
                        where n.month = d.month and n.rule_code = d.rule_code and n.subject = d.subject)
                from deviation d where d.id = any(?)
                order by d.month, d.rule_code, d.occurred_at nulls last""", row -> {
            sheet.add(day(row, 1), row.getString(2), row.getString(3), row.getString(4), time(row, 5),
                    row.getString(6), m.get("subject.access.names." + row.getString(7)), row.getString(8));
        }, accounts, ids(person, "deviation"));
        return sheet;
    }

    /** The person's rejected rows, each reason in the report's language (docs/data-quality.md). */
    private AccessWorkbook.SheetRows quarantine(AccessWorkbook workbook, Messages m, Person person) {
        AccessWorkbook.SheetRows sheet = workbook.sheet("subject.access.sheet.quarantine", List.of(
                "subject.access.header.file", "subject.access.header.line", "subject.access.header.reason",
                "subject.access.header.set-aside"));
        EvidenceText reasons = new EvidenceText(m);
        jdbc.query("select f.file_name, q.line_number, q.reason_key, q.reason_args, q.reason, q.quarantined_at"
                + " from quarantined_row q join source_file f on f.id = q.source_file_id where q.id = any(?)"
                + " order by 1, 2", row -> {
                    sheet.add(row.getString(1), row.getLong(2),
                            reasons.render(row.getString(3), row.getString(4), row.getString(5)), time(row, 6));
                }, (Object) ids(person, "quarantined_row"));
        return sheet;
    }

    /** Webinar registrations: the name as registered, when, whether approved and whether the person attended. */
    private AccessWorkbook.SheetRows registrations(AccessWorkbook workbook, Messages m, Person person) {
        AccessWorkbook.SheetRows sheet = workbook.sheet("subject.access.sheet.registrations", List.of(
                "subject.access.header.webinar-id", "subject.access.header.occurrence",
                "subject.access.header.registered-name", "subject.access.header.registered",
                "subject.access.header.approval", "subject.access.header.attended"));
        jdbc.query("select webinar_id, webinar_start, name, registration_time, approval_status, attended"
                + " from webinar_registration where id = any(?) order by registration_time nulls last, webinar_id", row -> {
                    sheet.add(row.getString(1), time(row, 2), row.getString(3), time(row, 4),
                            m.orCode("subject.access.approval.", row.getString(5)), bool(row, 6));
                }, (Object) ids(person, "webinar_registration"));
        return sheet;
    }

    /** Answers to a meeting's notice (recording, entry): which notice, the answer, when. */
    private AccessWorkbook.SheetRows notices(AccessWorkbook workbook, Messages m, Person person) {
        AccessWorkbook.SheetRows sheet = workbook.sheet("subject.access.sheet.notices", List.of(
                "subject.access.header.meeting-id", "subject.access.header.occurrence",
                "subject.access.header.notice", "subject.access.header.answer", "subject.access.header.answered"));
        jdbc.query("select meeting_id, meeting_start, notice, response, response_time from disclaimer_response"
                + " where id = any(?) order by response_time nulls last, meeting_id", row -> {
                    sheet.add(row.getString(1), time(row, 2), m.orCode("subject.access.notice.", row.getString(3)),
                            m.orCode("subject.access.answer.", row.getString(4)), time(row, 5));
                }, (Object) ids(person, "disclaimer_response"));
        return sheet;
    }

    /** The processing information (GDPR art. 13 to 15): the policy's subject-rights keys, else the standard texts. */
    private void processing(AccessWorkbook workbook, Messages m) {
        AccessWorkbook.SheetRows sheet = workbook.sheet("subject.access.sheet.processing",
                List.of("subject.access.header.item", "subject.access.header.value"));
        sheet.width(0, 45);
        sheet.width(1, 100);
        Policy.Retention retention = policy.retention();
        sheet.add(m.get("processing.controller"), policy.institution().name());
        sheet.add(m.get("processing.purposes"), text(policy.subjectRights().purposes(), "purposes", m));
        sheet.add(m.get("processing.legal-basis"), text(policy.subjectRights().legalBasis(), "legal-basis", m));
        sheet.add(m.get("processing.recipients"), text(policy.subjectRights().recipients(), "recipients", m));
        sheet.add(m.get("processing.source"), text(policy.subjectRights().source(), "source", m));
        sheet.add(m.get("processing.retention.participants"), m.get("processing.days", retention.participantDays()));
        sheet.add(m.get("processing.retention.sign-ins"), m.get("processing.days", retention.signInDays()));
        sheet.add(m.get("processing.retention.deviations"), m.get("processing.days", retention.deviationDays()));
        sheet.add(m.get("processing.retention.reports"), m.get("processing.days", retention.reportDays()));
        sheet.add(m.get("processing.retention.exports"), m.get("processing.days", retention.processedFileDays()));
        sheet.add(m.get("processing.rights"), text(policy.subjectRights().rights(), "rights", m));
        sheet.add(m.get("processing.dpo"), text(policy.subjectRights().dpoContact(), "dpo", m));
    }

    /** The policy's text, else the standard one of {@code processing.default.<key>}. */
    private static String text(String value, String key, Messages m) {
        return value == null || value.isBlank() ? m.get("processing.default." + key) : value;
    }

    private static Long[] ids(Person person, String table) {
        return person.ids(table).toArray(Long[]::new);
    }

    private static OffsetDateTime time(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    private static LocalDate day(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    private static Integer integer(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet row, int column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }
}
