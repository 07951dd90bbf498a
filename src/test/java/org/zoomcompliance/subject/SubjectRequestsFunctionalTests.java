package org.zoomcompliance.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.policy.PolicyEvaluation;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;
import org.zoomcompliance.report.MonthlyReport;
import org.zoomcompliance.report.ReportEntry;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * Data-subject requests over a month where two people share a first name (Marie Quintal and Marie Okafor) and a
 * guest shares Marie Quintal's whole name without an e-mail: access by e-mail, by name and by address finds exactly
 * her; restriction hides her from evaluation and the workbook and lifting restores her; erasure removes her rows,
 * rebuilds the workbook, deletes the superseded file and the raw exports, and keeps her out of later ingests.
 */
class SubjectRequestsFunctionalTests extends PipelineIntegrationTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 9);
    private static final String EMAIL = "marie.quintal@exemple.fr";
    private static final String ADDRESS = "198.18.61.21";
    private static final List<String> FIXTURES = List.of("participants_97100000001.csv",
            "participants_97100000002.csv", "participants_97100000003.csv", "participants_97100000004.csv",
            "dashboard_participants_97100000001.csv", "dashboard_participants_97100000002.csv",
            "signinout_20260901_20260930.csv");
    /** The other participants of her meetings: never in her answer. */
    private static final List<String> OTHERS = List.of("Okafor", "okafor", "Vernier", "vernier", "Brandt", "brandt");

    @Autowired
    Ingestion ingestion;

    @Autowired
    PolicyEvaluation evaluation;

    @Autowired
    MonthlyReport reports;

    @Autowired
    SubjectFinder finder;

    @Autowired
    SubjectAccess access;

    @Autowired
    SubjectRestriction restriction;

    @Autowired
    SubjectErasure erasure;

    @Autowired
    DeviationNotes notes;

    @Autowired
    PseudonymKeyStore keys;

    @Test
    void accessRestrictionAndErasureConcernExactlyThePerson() throws Exception {
        // given the month's exports ingested through the inbox, evaluated and reported
        for (String fixture : FIXTURES) {
            copy(fixture, home.inbox().resolve(fixture));
        }
        assertThat(ingestion.ingestInbox().allCompleted()).isTrue();
        evaluate();
        assertThat(recordingDeviations()).singleElement().asString().contains("Marie Quintal");
        ReportEntry first = build();
        assertThat(text(first.path())).contains("Marie Quintal");

        // when she asks for access by e-mail, by name and by address
        Path folder = Files.createTempDirectory(home.root(), "answers");
        Answer byEmail = answer(SubjectRequest.email("Marie.Quintal@Exemple.fr"), folder.resolve("email.xlsx"));
        Answer byAddress = answer(SubjectRequest.address(" " + ADDRESS), folder.resolve("address.xlsx"));
        SubjectRequest byName = SubjectRequest.name("QUINTAL, marie (Host)");
        // the name is shared with a guest who gave no e-mail: two candidates, and nothing done without confirmation
        SubjectFinder.Findings findings = finder.find(byName);
        assertThat(findings.candidates()).hasSize(2);
        assertThat(findings.candidates().get(0).emailPresent()).isTrue();
        assertThat(findings.candidates().get(1).emailPresent()).isFalse();
        assertThat(findings.candidates().get(1).appearances()).containsExactly("meeting 97100000004 on 2026-09-29");
        assertThatThrownBy(() -> access.answer(byName, folder.resolve("name.xlsx"), "test"))
                .isInstanceOf(SubjectFinder.AmbiguousSubjectException.class);
        Answer byConfirmedName = answer(byName.confirming(List.of(1)), folder.resolve("name.xlsx"));

        // then each answer holds exactly her meetings and sign-ins, and nobody else's name or e-mail
        for (Answer answer : List.of(byEmail, byConfirmedName)) {
            assertThat(answer.meetings()).containsExactly("97100000001", "97100000001", "97100000002", "97100000002");
            assertThat(answer.signIns()).isEqualTo(2);
        }
        assertThat(byAddress.meetings()).containsExactly("97100000001", "97100000002");
        assertThat(byAddress.signIns()).isEqualTo(2);
        for (Answer answer : List.of(byEmail, byConfirmedName, byAddress)) {
            for (String other : OTHERS) {
                assertThat(answer.text()).as("%s in %s", other, answer.file()).doesNotContain(other);
            }
            assertThat(answer.text()).doesNotContain(ADDRESS).contains("Processing information");
        }
        // her meetings count the others without naming them: the seminar had three other people
        assertThat(cell(byEmail.file(), "Meetings", 1, 12)).isEqualTo("3");
        // each request audited under a keyed hash, never the identifier
        assertThat(jdbc.queryForList("select target || ' ' || coalesce(detail, '') from audit_event"
                + " where action = 'SUBJECT_ACCESS'", String.class))
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(line -> assertThat(line)
                        .startsWith("subject:v").doesNotContain("quintal").doesNotContain(ADDRESS));

        // when her processing is restricted, the month evaluated and reported again
        SubjectRestriction.Change restricted = restriction.restrict(SubjectRequest.email(EMAIL), "test");
        assertThat(restricted.months()).containsExactly(MONTH);
        evaluate();
        // then the deviation that named her is gone from evaluation and the workbook
        assertThat(recordingDeviations()).isEmpty();
        assertThat(text(build().path())).doesNotContain("Marie Quintal");

        // when the restriction is lifted, she is back; a DPO note on the deviation shows in the workbook
        SubjectRestriction.Change lifted = restriction.lift(SubjectRequest.email(EMAIL), "test");
        assertThat(lifted.ids()).isEqualTo(restricted.ids());
        evaluate();
        assertThat(recordingDeviations()).singleElement().asString().contains("Marie Quintal");
        long deviation = jdbc.queryForObject("select id from deviation where month = ? and rule_code ="
                + " 'RECORDING_BY_NON_HOST' and meeting_id = '97100000002'", Long.class, MONTH.atDay(1));
        notes.note(deviation, "checked with the host: she recorded with permission", "test");
        ReportEntry beforeErasure = build();
        assertThat(text(beforeErasure.path())).contains("Marie Quintal", "DPO note: checked with the host");

        // when she is erased
        SubjectErasure.Receipt receipt = erasure.erase(SubjectRequest.email(EMAIL), "test");

        // then a second access finds nothing
        assertThat(answer(SubjectRequest.email(EMAIL), folder.resolve("after.xlsx")).total()).isZero();
        assertThat(finder.find(SubjectRequest.address(ADDRESS)).candidates()).isEmpty();
        // the month's workbook was rebuilt without her; the superseded files are gone, their registry rows say why
        ReportEntry rebuilt = reports.latest(MONTH).orElseThrow();
        assertThat(rebuilt.version()).isGreaterThan(beforeErasure.version());
        assertThat(receipt.rebuilt()).singleElement().asString().startsWith("2026-09 (version " + rebuilt.version());
        assertThat(text(rebuilt.path())).doesNotContain("Marie Quintal").doesNotContain(EMAIL)
                .contains("[erased subject]");
        // her name is replaced in the deviation's English text and in the arguments its sentence is rendered from
        assertThat(jdbc.queryForList("select evidence || ' ' || evidence_args::text from deviation where month = ?"
                + " and rule_code = 'RECORDING_BY_NON_HOST'", String.class, MONTH.atDay(1))).singleElement().asString()
                .doesNotContain("Quintal").contains("[erased subject] recorded the meeting", "[\"[erased subject]\"");
        for (ReportEntry earlier : reports.versions(MONTH)) {
            if (earlier.version() < rebuilt.version()) {
                assertThat(earlier.path()).doesNotExist();
                assertThat(jdbc.queryForObject("select superseded_reason from report where id = ?", String.class,
                        earlier.id())).startsWith("superseded by erasure " + receipt.id());
            }
        }
        // no table holds her rows: neither her e-mail, nor its pseudonym (but in the deny list), nor her address's
        List<String> traces = new ArrayList<>(List.of(EMAIL));
        for (PseudonymKeyStore.KeyInfo info : keys.status()) {
            Pseudonymiser keyed = new Pseudonymiser(keys.version(info.version()).orElseThrow());
            traces.add(keyed.email(EMAIL));
            traces.add(keyed.address(ADDRESS).address());
        }
        assertNoTableHolds(traces, Set.of("subject_deny"));
        // the guest of the same name, whom the e-mail does not identify, is kept
        assertThat(jdbc.queryForList("select meeting_id from participant_join where name = 'Marie Quintal'",
                String.class)).containsExactly("97100000004");
        // the raw exports that held her are deleted, the others kept
        try (Stream<Path> processed = Files.walk(home.processed())) {
            assertThat(processed.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .contains("participants_97100000003.csv", "participants_97100000004.csv")
                    .doesNotContain("participants_97100000001.csv", "dashboard_participants_97100000002.csv",
                            "signinout_20260901_20260930.csv");
        }
        assertThat(receipt.text()).doesNotContain("quintal").contains("participant_join: 2", "sign_in: 2",
                "dashboard_participant: 2", "Kept under a legal hold: none");

        // when the original exports are ingested again, and copies whose bytes differ
        for (String fixture : FIXTURES) {
            copy(fixture, home.inbox().resolve(fixture));
        }
        ingestion.ingestInbox();
        Path changed = Files.createTempDirectory(home.root(), "changed");
        for (String fixture : List.of("participants_97100000001.csv", "signinout_20260901_20260930.csv",
                "dashboard_participants_97100000001.csv")) {
            copy(fixture, changed.resolve(fixture));
            Files.writeString(changed.resolve(fixture), "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        assertThat(ingestion.ingest(List.of(changed)).allCompleted()).isTrue();

        // then she does not come back: her rows are dropped at the door and counted, the others' are there
        assertNoTableHolds(traces, Set.of("subject_deny"));
        List<String> changedFiles = new ArrayList<>();
        try (Stream<Path> copies = Files.list(changed)) {
            for (Path copy : copies.toList()) {
                changedFiles.add(SubjectRecords.sha256(copy));
            }
        }
        assertThat(jdbc.queryForObject("select sum(rows_denied) from source_file where sha256 = any(?)", Long.class,
                (Object) changedFiles.toArray(String[]::new))).isEqualTo(4);
        // (counted over this test's participants files: the suite's database holds other tests' rows of that ID)
        Path original = Files.createTempDirectory(home.root(), "original").resolve("participants_97100000001.csv");
        copy("participants_97100000001.csv", original);
        assertThat(jdbc.queryForObject("select count(*) from participant_join p join source_file f"
                + " on f.id = p.source_file_id where p.meeting_id = '97100000001' and f.sha256 = any(?)",
                Integer.class, (Object) new String[] {SubjectRecords.sha256(original),
                        SubjectRecords.sha256(changed.resolve("participants_97100000001.csv"))})).isEqualTo(3);
    }

    @Test
    void aLegalHoldKeepsTheDeviationUnderInvestigationAndTheRecordsItRestsOn() throws Exception {
        // given a participant who recorded a meeting, a deviation the DPO is investigating, under a legal hold
        Path exports = Files.createTempDirectory(home.root(), "held");
        for (String fixture : List.of("dashboard_participants_97200000001.csv", "signinout_20260801_20260831.csv")) {
            copy(fixture, exports.resolve(fixture));
        }
        assertThat(ingestion.ingest(List.of(exports)).allCompleted()).isTrue();
        YearMonth august = YearMonth.of(2026, 8);
        assertThat(evaluation.evaluate(august, Set.of(), null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long deviation = jdbc.queryForObject("select id from deviation where month = ? and rule_code ="
                + " 'RECORDING_BY_NON_HOST' and meeting_id = '97200000001'", Long.class, august.atDay(1));
        notes.hold(deviation, "complaint 2026-041 under investigation", "test");

        // when he is erased
        SubjectErasure.Receipt receipt = erasure.erase(SubjectRequest.email("yann.keriven@exemple.fr"), "test");

        // then the held deviation and his session of that meeting stay as they were; his sign-in is gone
        assertThat(jdbc.queryForObject("select evidence from deviation where id = ?", String.class, deviation))
                .contains("Yann Keriven recorded the meeting");
        assertThat(jdbc.queryForObject("select count(*) from dashboard_participant where name = 'Yann Keriven'",
                Integer.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from sign_in where email = 'yann.keriven@exemple.fr'",
                Integer.class)).isZero();
        assertThat(receipt.text()).contains("deviation " + deviation + " RECORDING_BY_NON_HOST 2026-08 meeting"
                + " 97200000001", "complaint 2026-041 under investigation").doesNotContain("Keriven");
    }

    /** An access answer, read back. */
    private record Answer(Path file, List<String> meetings, int signIns, int total, String text) {
    }

    private Answer answer(SubjectRequest request, Path out) throws IOException {
        SubjectAccess.Answer answer = access.answer(request, out, "test");
        List<String> meetings = new ArrayList<>();
        int signIns;
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(answer.file()))) {
            Sheet sheet = workbook.getSheet("Meetings");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    meetings.add(row.getCell(0).getStringCellValue());
                }
            }
            signIns = workbook.getSheet("Sign-ins").getLastRowNum();
        }
        Collections.sort(meetings);
        return new Answer(answer.file(), meetings, signIns, answer.total(), text(answer.file()));
    }

    private static String cell(Path file, String sheet, int row, int column) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            return new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(
                    workbook.getSheet(sheet).getRow(row).getCell(column));
        }
    }

    private void assertNoTableHolds(List<String> traces, Set<String> except) {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE'", String.class);
        for (String table : tables) {
            if (except.contains(table)) {
                continue;
            }
            for (String row : jdbc.queryForList("select t::text from \"" + table + "\" t", String.class)) {
                for (String trace : traces) {
                    assertThat(row.toLowerCase()).as("a row of %s", table).doesNotContain(trace.toLowerCase());
                }
            }
        }
    }

    private void evaluate() {
        assertThat(evaluation.evaluate(MONTH, Set.of(), null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private ReportEntry build() {
        var execution = reports.build(MONTH, null);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return reports.producedBy(execution).orElseThrow();
    }

    @Test
    void aWebinarRegistrationAndANoticeAnswerAreThePersonsOwnGivenInHerAccessFoundByHerNameAndErasedWithHer() throws Exception {
        // given a webinar registration report (the real report's shape) naming her and another registrant
        Path exports = Files.createTempDirectory(home.root(), "webinar");
        copy("registration_report_92000000077.csv", exports.resolve("registration_report_92000000077.csv"));
        assertThat(ingestion.ingest(List.of(exports)).allCompleted()).isTrue();

        // and her answer to a meeting's recording notice (pulled from the API; planted under her pseudonym)
        jdbc.update("insert into disclaimer_response (meeting_id, notice, response, consent, response_time,"
                + " email_pseudonym, key_version, source_file_id, line_number) select '93000000001', 'RECORDING',"
                + " 'REFUSED', false, timestamptz '2026-09-02 09:00:00+02', email_pseudonym, key_version,"
                + " source_file_id, 99 from webinar_registration where name = 'Nadia Webinaire'");

        // when she asks for access, then her registration and her answer are in the workbook, and no one else's
        Path out = Files.createTempDirectory(home.root(), "access").resolve("nadia.xlsx");
        Answer answer = answer(SubjectRequest.email("nadia.webinaire@exemple.fr"), out);
        assertThat(cell(out, "Webinar registrations", 0, 2)).isEqualTo("Name as registered");
        assertThat(cell(out, "Webinar registrations", 1, 0)).isEqualTo("92000000077");
        assertThat(cell(out, "Webinar registrations", 1, 2)).isEqualTo("Nadia Webinaire");
        assertThat(cell(out, "Webinar registrations", 1, 3)).startsWith("2026-09-02 08:15");
        assertThat(cell(out, "Notice answers", 1, 0)).isEqualTo("93000000001");
        assertThat(cell(out, "Webinar registrations", 1, 4)).isEqualTo("approved");
        assertThat(cell(out, "Notice answers", 1, 2)).isEqualTo("recording notice");
        assertThat(cell(out, "Notice answers", 1, 3)).isEqualTo("refused");
        assertThat(answer.text()).doesNotContain("Oscar", "Reste");
        // and a search by the name she registered under finds the same registration
        assertThat(finder.find(SubjectRequest.name("Nadia Webinaire")).candidates()).singleElement().satisfies(
                candidate -> assertThat(candidate.person().ids("webinar_registration")).hasSize(1));

        // and a restriction covers both, in the month they belong to, until it is lifted
        SubjectRestriction.Change restricted = restriction.restrict(SubjectRequest.email("nadia.webinaire@exemple.fr"),
                "test");
        assertThat(restricted.rows()).containsEntry("webinar_registration", 1).containsEntry("disclaimer_response", 1);
        assertThat(restricted.months()).containsExactly(YearMonth.of(2026, 9));
        assertThat(jdbc.queryForObject("select count(*) from disclaimer_response d"
                + " where zc_restricted('disclaimer_response', d.id)", Integer.class)).isOne();
        restriction.lift(SubjectRequest.email("nadia.webinaire@exemple.fr"), "test");

        // when she is looked up by e-mail, then erased
        SubjectFinder.Findings findings = finder.find(SubjectRequest.email("Nadia.Webinaire@exemple.fr"));
        SubjectErasure.Receipt receipt = erasure.erase(SubjectRequest.email("nadia.webinaire@exemple.fr"), "test");

        // then her registration was hers, and only it is gone
        assertThat(findings.candidates()).singleElement().satisfies(candidate ->
                assertThat(candidate.person().ids("webinar_registration")).hasSize(1));
        assertThat(receipt.removed()).containsEntry("webinar_registration", 1).containsEntry("disclaimer_response", 1);
        assertThat(jdbc.queryForList("select name from webinar_registration where webinar_id = '92000000077'",
                String.class)).containsExactly("Oscar Reste");
    }

    private List<String> recordingDeviations() {
        return jdbc.queryForList("select evidence from deviation where month = ? and rule_code = 'RECORDING_BY_NON_HOST'",
                String.class, MONTH.atDay(1));
    }

    private void copy(String fixture, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = getClass().getResourceAsStream("/fixtures/subject/" + fixture)) {
            Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String text(Path workbook) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }
}
