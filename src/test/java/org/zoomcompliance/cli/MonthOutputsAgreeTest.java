package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.zoomcompliance.report.MonthlyReport;
import org.zoomcompliance.support.WebIntegrationTest;
import picocli.CommandLine;

/**
 * One truth per month (docs/months.md): for months planted with SQL, {@code evaluate}, {@code report}, the
 * workbook's Summary and Deviations and the console's month page give the same open count per rule and the
 * resolved ones apart, and a month not evaluated says so everywhere. The months, in 2025, are this class's own:
 * <ul>
 * <li>June: only a users snapshot, no export of the month (evaluated without input);</li>
 * <li>July: never evaluated;</li>
 * <li>August: a cloud recording (A), a room reused four times without waiting room, a sensitive topic;</li>
 * <li>September: A is gone from the inventory, which lists another recording (B); the room held one session;</li>
 * <li>October: the recordings export is empty.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthOutputsAgreeTest extends WebIntegrationTest {

    private static final RequestPostProcessor AS_DPO = user(DPO).roles("DPO");

    @Autowired
    ConfigurableApplicationContext context;

    private long file;
    private final StringWriter june = new StringWriter();
    private final StringWriter august = new StringWriter();
    private final StringWriter september = new StringWriter();
    private final StringWriter october = new StringWriter();

    @BeforeAll
    void plantAndEvaluate() {
        file = jdbc.queryForObject("insert into source_file (sha256, file_name, kind, status) values"
                + " (repeat('f', 60) || '1425', 'facts-test.csv', 'TEST', 'COMPLETED') returning id", Long.class);
        users("2025-06-15");
        users("2025-08-31");
        users("2025-09-30");

        // August: recording A in the 31 August inventory; room 92508000010 four times, never a waiting room
        long augustInventory = inventory("2025-08-31");
        recording(augustInventory, "2025-08-31", "92508000001", "2025-08-05 10:00+02", "Point équipe");
        for (String day : List.of("04", "11", "18", "25")) {
            meeting("92508000010", "2025-08-" + day + " 17:00+02", "Tutorat");
            join("92508000010", "2025-08-" + day + " 17:00+02", "Fred Tutor", "2025-08-" + day + " 17:01+02");
        }
        meeting("92508000020", "2025-08-12 09:00+02", "Jury de délibération");

        // September: A is no longer listed, B is; the room held one session; another meeting with a waiting room
        long septemberInventory = inventory("2025-09-30");
        recording(septemberInventory, "2025-09-30", "92509000030", "2025-09-10 10:00+02", "Cours");
        meeting("92508000010", "2025-09-01 17:00+02", "Tutorat");
        join("92508000010", "2025-09-01 17:00+02", "Fred Tutor", "2025-09-01 17:01+02");

        // October: the recordings export lists nothing
        inventory("2025-10-31");

        evaluate(june, "2025-06");
        evaluate(august, "2025-08");
        evaluate(september, "2025-09");
        evaluate(october, "2025-10");
    }

    @Test
    void evaluateReportWorkbookAndConsoleGiveTheSameOpenCountsAndTheResolvedApart() throws Exception {
        // given August and September evaluated (in @BeforeAll)
        // then evaluate says, for August, three open deviations, one per rule
        assertThat(august.toString()).startsWith("Evaluated 2025-08: 3 deviation(s) open, 0 resolved this month")
                .containsPattern("RECORDING_CLOUD +1 open +0 resolved")
                .containsPattern("MEETING_ROOM_REUSED +1 open +0 resolved")
                .containsPattern("SENSITIVE_TOPIC +1 open +0 resolved");
        // and for September: B is open, A and the room are resolved, the August occurrence is not carried over
        assertThat(september.toString()).startsWith("Evaluated 2025-09: 1 deviation(s) open, 2 resolved this month")
                .containsPattern("RECORDING_CLOUD +1 open +1 resolved")
                .containsPattern("MEETING_ROOM_REUSED +0 open +1 resolved")
                .containsPattern("SENSITIVE_TOPIC +0 open +0 resolved");

        // when September is reported
        StringWriter reported = new StringWriter();
        assertThat(report(reported, new StringWriter(), "--month", "2025-09")).isEqualTo(ExitCodes.OK);

        // then report gives the same counts
        assertThat(reported.toString()).contains("Open deviations per rule: 1", "Resolved this month: 2")
                .containsPattern("Open deviations per rule: 1\\R +RECORDING_CLOUD +1\\RResolved this month: 2\\R"
                        + " +MEETING_ROOM_REUSED +1\\R +RECORDING_CLOUD +1");

        // and the workbook's Summary: open this month, the previous month's open, resolved this month
        try (XSSFWorkbook workbook = workbook("2025-09")) {
            Sheet summary = workbook.getSheet("Summary");
            assertThat(rule(summary, "RECORDING_CLOUD")).containsExactly("yes", 1.0, 1.0, 1.0);
            assertThat(rule(summary, "MEETING_ROOM_REUSED")).containsExactly("yes", 0.0, 1.0, 1.0);
            assertThat(rule(summary, "SENSITIVE_TOPIC")).containsExactly("yes", 0.0, 1.0, 0.0);
            assertThat(value(summary, "Deviations in all")).isEqualTo(1.0);
            assertThat(value(summary, "Resolved this month")).isEqualTo(2.0);
            assertThat(value(summary, "2025-08")).isEqualTo(3.0);
            assertThat(value(summary, "2025-09")).isEqualTo(1.0);
            // the trend's second line: resolved per month, beside the open ones
            assertThat(cellValue(labelled(summary, "2025-09").getCell(2))).isEqualTo(2.0);
            assertThat(cellValue(labelled(summary, "2025-08").getCell(2))).isEqualTo(0.0);
            // and its Deviations: the open one first, the resolved ones apart after it (HIGH first, then MEDIUM)
            assertThat(deviations(workbook)).containsExactly("RECORDING_CLOUD:NEW", "RECORDING_CLOUD:RESOLVED",
                    "MEETING_ROOM_REUSED:RESOLVED");
        }

        // and the console's month page
        String page = console("2025-09");
        assertThat(page).contains("1</span> deviation(s) open", "2</span> resolved this month");
        assertThat(page).containsPattern(ruleLine("RECORDING_CLOUD", 1, 1))
                .containsPattern(ruleLine("MEETING_ROOM_REUSED", 0, 1));
        assertThat(console("2025-08")).contains("3</span> deviation(s) open", "0</span> resolved this month")
                .containsPattern(ruleLine("RECORDING_CLOUD", 1, 0))
                .containsPattern(ruleLine("MEETING_ROOM_REUSED", 1, 0))
                .containsPattern(ruleLine("SENSITIVE_TOPIC", 1, 0));
    }

    @Test
    void anEmptyRecordingsExportResolvesTheCloudRecordingsInEveryOutput() throws Exception {
        // given October, whose recordings export lists nothing, evaluated after September (B in the cloud)
        // then evaluate resolves B
        assertThat(october.toString()).startsWith("Evaluated 2025-10: 0 deviation(s) open, 1 resolved this month")
                .containsPattern("RECORDING_CLOUD +0 open +1 resolved");

        // and report says the same
        StringWriter reported = new StringWriter();
        assertThat(report(reported, new StringWriter(), "--month", "2025-10")).isEqualTo(ExitCodes.OK);
        assertThat(reported.toString()).containsPattern("Open deviations per rule: 0\\RResolved this month: 1\\R"
                + " +RECORDING_CLOUD +1");

        // and the workbook shows the inventory evaluation used, the empty one, not September's
        try (XSSFWorkbook workbook = workbook("2025-10")) {
            Sheet summary = workbook.getSheet("Summary");
            assertThat(value(summary, "Recordings in the cloud (inventory of 2025-10-31)")).isEqualTo(0.0);
            assertThat(rule(summary, "RECORDING_CLOUD")).containsExactly("yes", 0.0, 1.0, 1.0);
            assertThat(deviations(workbook)).containsExactly("RECORDING_CLOUD:RESOLVED");
            assertThat(workbook.getSheet("Recordings").getLastRowNum()).as("no cloud recording listed").isZero();
            Row inventory = labelled(workbook.getSheet("Register"), 1, "Recordings inventory");
            assertThat(inventory.getCell(2).getStringCellValue()).isEqualTo("used");
            assertThat(inventory.getCell(3).getLocalDateTimeCellValue().toLocalDate()).hasToString("2025-10-31");
        }

        // and the console
        assertThat(console("2025-10")).contains("0</span> deviation(s) open", "1</span> resolved this month")
                .containsPattern(ruleLine("RECORDING_CLOUD", 0, 1));
    }

    @Test
    void aMonthNotEvaluatedIsNeverShownAsZero() throws Exception {
        // given June evaluated without any export of its own, and July never evaluated
        // then evaluate said so first
        assertThat(june.toString()).startsWith("no data for 2025-06: not evaluated");

        // when July is reported, then report refuses, naming the way out
        StringWriter refused = new StringWriter();
        StringWriter out = new StringWriter();
        assertThat(report(out, refused, "--month", "2025-07")).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.toString()).contains("2025-07 was not evaluated", "--anyway");
        assertThat(out.toString()).isEmpty();
        assertThat(report(new StringWriter(), new StringWriter(), "--month", "2025-06")).isEqualTo(ExitCodes.FAILED);

        // and when it is built anyway, it says "not evaluated" where a count would be
        StringWriter anyway = new StringWriter();
        assertThat(report(anyway, new StringWriter(), "--month", "2025-07", "--anyway")).isEqualTo(ExitCodes.OK);
        assertThat(anyway.toString()).contains("Deviations: not evaluated").doesNotContain("Open deviations per rule");
        try (XSSFWorkbook workbook = workbook("2025-07")) {
            Sheet summary = workbook.getSheet("Summary");
            assertThat(value(summary, "Deviations")).isEqualTo("not evaluated");
            assertThat(rule(summary, "RECORDING_CLOUD").get(1)).as("this month").isNull();
            assertThat(rule(summary, "RECORDING_CLOUD").get(2)).as("June, without input").isEqualTo("not evaluated");
        }

        // and the 12-month trend and the previous-month column of the months around them say so too
        assertThat(report(new StringWriter(), new StringWriter(), "--month", "2025-08")).isEqualTo(ExitCodes.OK);
        try (XSSFWorkbook workbook = workbook("2025-08")) {
            Sheet summary = workbook.getSheet("Summary");
            // (a gap in both lines of the chart: empty cells, the words beside them)
            for (String month : List.of("2025-06", "2025-07", "2024-09")) {
                assertThat(value(summary, month)).as(month + " open").isNull();
                assertThat(cellValue(labelled(summary, month).getCell(2))).as(month + " resolved").isNull();
                assertThat(cellValue(labelled(summary, month).getCell(3))).as(month).isEqualTo("not evaluated");
            }
            assertThat(value(summary, "2025-08")).isEqualTo(3.0);
            assertThat(rule(summary, "RECORDING_CLOUD")).containsExactly("yes", 1.0, "not evaluated", 0.0);
        }

        // and the console
        assertThat(console("2025-07")).contains("2025-07</span>: not evaluated").doesNotContain("deviation(s) open");
        assertThat(console("2025-06")).contains("2025-06</span>: not evaluated").doesNotContain("deviation(s) open");
    }

    private void evaluate(StringWriter out, String month) {
        EvaluateCommand command = new EvaluateCommand();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(new StringWriter(), true));
        cli.parseArgs("--month", month);
        assertThat(command.run(context)).as(out.toString()).isEqualTo(ExitCodes.OK);
    }

    private int report(StringWriter out, StringWriter err, String... arguments) {
        ReportCommand command = new ReportCommand();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        cli.parseArgs(arguments);
        return command.run(context);
    }

    private XSSFWorkbook workbook(String month) throws IOException {
        try (InputStream in = Files.newInputStream(context.getBean(MonthlyReport.class)
                .latest(YearMonth.parse(month)).orElseThrow().path())) {
            return new XSSFWorkbook(in);
        }
    }

    private String console(String month) throws Exception {
        return mvc.perform(get("/deviations").param("month", month).with(AS_DPO))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The console's per-rule line: the rule, its open deviations, those resolved this month. */
    private static Pattern ruleLine(String rule, int open, int resolved) {
        return Pattern.compile("<tr id=\"rule-" + rule + "\">\\s*<td[^>]*>" + rule + "</td>\\s*<td[^>]*>" + open
                + "</td>\\s*<td[^>]*>" + resolved + "</td>");
    }

    /** A Summary rule line after its code and severity: evaluated, this month, previous month, resolved. */
    private static List<Object> rule(Sheet summary, String code) {
        Row row = labelled(summary, code);
        List<Object> values = new ArrayList<>();
        for (int column = 2; column <= 5; column++) {
            values.add(cellValue(row.getCell(column)));
        }
        return values;
    }

    private static Object value(Sheet sheet, String label) {
        return cellValue(labelled(sheet, label).getCell(1));
    }

    private static Object cellValue(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue() : cell.getStringCellValue();
    }

    private static Row labelled(Sheet sheet, String label) {
        return labelled(sheet, 0, label);
    }

    /** The first row whose cell in {@code column} holds {@code label}. */
    private static Row labelled(Sheet sheet, int column, String label) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row labelled " + label + " in " + sheet.getSheetName());
    }

    /** The Deviations sheet's rows as RULE:STATUS, in order. */
    private static List<String> deviations(XSSFWorkbook workbook) {
        Sheet sheet = workbook.getSheet("Deviations");
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            rows.add(sheet.getRow(i).getCell(0).getStringCellValue() + ":" + sheet.getRow(i).getCell(2).getStringCellValue());
        }
        return rows;
    }

    private void users(String snapshot) {
        long users = jdbc.queryForObject("insert into source_file (sha256, file_name, kind, status, inventory_date,"
                + " data_from, data_to) values (md5(?) || md5('facts-users'), 'zoomus_users.csv', 'USERS', 'COMPLETED',"
                + " ?::date, ?::date, ?::date) returning id", Long.class, snapshot, snapshot, snapshot, snapshot);
        jdbc.update("insert into zoom_user (snapshot_date, email, groups, last_login_time, source_file_id)"
                + " values (?::date, 'staff@facts.fr', '{Réunion}', ?::date - 1, ?)", snapshot, snapshot, users);
    }

    private long inventory(String date) {
        return jdbc.queryForObject("insert into source_file (sha256, file_name, kind, status, inventory_date,"
                + " data_from, data_to) values (md5(?) || md5('facts-recordings'), 'zoomus_recordings.csv', 'RECORDINGS',"
                + " 'COMPLETED', ?::date, ?::date, ?::date) returning id", Long.class, date, date, date, date);
    }

    private void recording(long inventory, String date, String meetingId, String start, String topic) {
        jdbc.update("insert into recording (inventory_date, meeting_id, start_time, host_email, topic, source_file_id)"
                + " values (?::date, ?, ?::timestamptz, 'staff@facts.fr', ?, ?)", date, meetingId, start, topic, inventory);
        jdbc.update("update source_file set rows_read = rows_read + 1, rows_ingested = rows_ingested + 1 where id = ?",
                inventory);
    }

    private void meeting(String meetingId, String start, String topic) {
        jdbc.update("insert into meeting (meeting_id, start_time, end_time, topic, host_email, host_name, source_file_id)"
                + " values (?, ?::timestamptz, ?::timestamptz + interval '1 hour', ?, 'staff@facts.fr', 'Anne Staff', ?)",
                meetingId, start, start, topic, file);
    }

    private void join(String meetingId, String start, String name, String joinTime) {
        jdbc.update("insert into participant_join (meeting_id, meeting_start, name, email_pseudonym, join_time, leave_time,"
                + " guest, in_waiting_room, source_file_id, line_number)"
                + " values (?, ?::timestamptz, ?, 'e-facts', ?::timestamptz, ?::timestamptz + interval '5 minutes',"
                + " false, false, ?, 1)", meetingId, start, name, joinTime, joinTime, file);
    }
}
