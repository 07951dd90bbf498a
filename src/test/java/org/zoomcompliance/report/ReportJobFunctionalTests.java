package org.zoomcompliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.STBarGrouping;
import org.zoomcompliance.config.Language;
import org.zoomcompliance.config.LoadedPolicy;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.pseudonymisation.KeyManagement;
import org.zoomcompliance.support.EvaluatedMonths;
import org.zoomcompliance.support.PipelineIntegrationTest;
import org.zoomcompliance.support.TestHomes;
import org.zoomcompliance.support.TestPolicies;

class ReportJobFunctionalTests extends PipelineIntegrationTest {

    @Autowired
    MonthlyReport monthlyReport;

    @Autowired
    Ingestion ingestion;

    @Autowired
    Policy policy;

    @Autowired
    KeyManagement keyStore;

    @Autowired
    LoadedPolicy loadedPolicy;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theWorkbookHasEverySheetWithTypedCellsChartsAndNoClearAddress() throws Exception {
        // given a month with a meeting, deviations (and some the month before), a rule not evaluated, a cloud
        // and a local recording, a transfer, an account issue, a file with rejected rows and a purge
        YearMonth month = YearMonth.of(2031, 3);
        ZoneId zone = policy.zone();
        OffsetDateTime start = LocalDateTime.of(2031, 3, 10, 9, 30).atZone(zone).toOffsetDateTime();
        long file = sourceFile("participants_93100000001.csv", "PARTICIPANTS", start.plusDays(1), start);
        jdbc.update("insert into meeting (meeting_id, start_time, topic, host_email, source_file_id)"
                + " values ('93100000001', ?, 'Jury de thèse', 'prof@exemple.fr', ?)", start, file);
        deviation(month, "SENSITIVE_TOPIC", "93100000001@a", "MEDIUM", start, "Jury de thèse",
                "topic contains 'jury'; seen from 192.168.1.20");
        deviation(month, "TRANSFER_OUTSIDE_EU", "93100000001@b", "HIGH", start, "Jury de thèse", "SC (Top): 3");
        deviation(month.minusMonths(1), "SENSITIVE_TOPIC", "93100000009@a", "MEDIUM", start.minusMonths(1),
                "Secret", "topic contains 'secret'");
        jdbc.update("insert into rule_evaluation (month, rule_code, evaluated, reason, deviation_count) values"
                + " (?, 'SENSITIVE_TOPIC', true, null, 1), (?, 'TRANSFER_OUTSIDE_EU', true, null, 1),"
                + " (?, 'RECORDING_CLOUD', false, 'no recordings export for the period', 0)",
                month.atDay(1), month.atDay(1), month.atDay(1));
        jdbc.update("insert into account_profile (month, email, profile, groups) values"
                + " (?, 'prof@exemple.fr', 'MEETING', '{Réunion}'), (?, 'nogroup@exemple.fr', null, '{Divers}')",
                month.atDay(1), month.atDay(1));
        long inventory = sourceFile("zoomus_recordings__20310331.csv", "RECORDINGS", start.plusDays(21),
                LocalDate.of(2031, 3, 31).atStartOfDay(zone).toOffsetDateTime());
        jdbc.update("insert into recording (inventory_date, meeting_id, topic, host_email, start_time, source_file_id)"
                + " values ('2031-03-31', '93100000001', 'Jury de thèse', 'prof@exemple.fr', ?, ?)",
                start.minusDays(40), inventory);
        long dashboard = sourceFile("dashboard_93100000001.csv", "DASHBOARD_PARTICIPANTS", start.plusDays(1), start);
        jdbc.update("insert into dashboard_participant (meeting_id, meeting_start, name, join_time, recording,"
                + " ip_pseudonym, key_version, source_file_id, line_number)"
                + " values ('93100000001', ?, 'Anne Martin', ?, true, 'ab12', 1, ?, 5)", start, start, dashboard);
        jdbc.update("insert into meeting_transfer (month, meeting_id, meeting_start, host_email, data_centre,"
                + " country, region, participants) values (?, '93100000001', ?, 'prof@exemple.fr', 'SC (Top)',"
                + " 'US', 'OTHER', 3), (?, '93100000001', ?, 'prof@exemple.fr', 'Germany (FR)', 'DE', 'EU_EEA', 9)",
                month.atDay(1), start, month.atDay(1), start);
        jdbc.update("insert into quarantined_row (source_file_id, line_number, reason) values"
                + " (?, 7, 'unreadable join time'), (?, 9, 'unreadable join time')", file, file);
        jdbc.update("update source_file set rows_read = 12, rows_ingested = 10, rows_rejected = 2 where id = ?", file);
        jdbc.update("insert into retention_purge (purged_at, table_name, rows_removed, cut_off) values (?,"
                + " 'dashboard_participant', 42, ?)", start.plusDays(2), start.minusDays(180));
        EvaluatedMonths.mark(jdbc, month, LocalDate.of(2031, 3, 31));
        EvaluatedMonths.mark(jdbc, month.minusMonths(1));

        // when the report job runs for the month
        JobExecution execution = monthlyReport.build(month, null);

        // then it completed, and the registered file is where the DPO looks, with its SHA-256
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        ReportEntry entry = monthlyReport.producedBy(execution).orElseThrow();
        assertThat(entry.path()).isEqualTo(home.reports().resolve("2031-03").resolve("zoom-compliance-2031-03.xlsx"));
        byte[] bytes = Files.readAllBytes(entry.path());
        assertThat(entry.sha256()).isEqualTo(sha256(bytes));
        assertThat(entry.sizeBytes()).isEqualTo(bytes.length);
        try (Stream<Path> left = Files.list(home.reports().resolve(ReportPublisher.POI_TEMPORARY_FOLDER))) {
            assertThat(left).as("POI temporary files").isEmpty();
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(sheetNames(workbook)).containsExactlyElementsOf(DpoWorkbook.SHEETS);
            assertThat(workbook.getProperties().getCoreProperties().getTitle()).contains("2031-03");
            assertThat(workbook.getProperties().getCustomProperties().getProperty("Period").getLpwstr())
                    .isEqualTo("2031-03");

            XSSFSheet summary = workbook.getSheet("Summary");
            assertThat(label(summary, "Period").getStringCellValue()).isEqualTo("2031-03");
            assertThat(DateUtil.isCellDateFormatted(label(summary, "Generated at"))).isTrue();
            assertThat(label(summary, "Meetings").getNumericCellValue()).isEqualTo(1);
            assertThat(label(summary, "Deviations HIGH").getNumericCellValue()).isEqualTo(1);
            Row topicRule = labelRow(summary, "SENSITIVE_TOPIC");
            assertThat(topicRule.getCell(2).getStringCellValue()).isEqualTo("yes");
            assertThat(topicRule.getCell(3).getNumericCellValue()).isEqualTo(1);
            assertThat(topicRule.getCell(4).getNumericCellValue()).isEqualTo(1);
            Row cloudRule = labelRow(summary, "RECORDING_CLOUD");
            assertThat(cloudRule.getCell(2).getStringCellValue()).startsWith("no: no recordings export");
            assertThat(cloudRule.getCell(3)).as("no silent zero for a rule not evaluated").isNull();
            List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);
            assertThat(charts.get(0).getCTChart().getPlotArea().getBarChartList()).hasSize(1);
            assertThat(charts.get(1).getCTChart().getPlotArea().getLineChartList()).hasSize(1);
            // what LibreOffice needs to draw them: clustered bars of one colour, explicit fill and line, axis titles
            CTBarChart bars = charts.get(0).getCTChart().getPlotArea().getBarChartArray(0);
            assertThat(bars.getGrouping().getVal()).isEqualTo(STBarGrouping.CLUSTERED);
            assertThat(bars.getVaryColors().getVal()).isFalse();
            assertThat(bars.getSerArray(0).getSpPr().getSolidFill().getSrgbClr().getVal())
                    .isEqualTo(new byte[] {0x2E, 0x75, (byte) 0xB6});
            assertThat(bars.getSerArray(0).getSpPr().getLn().getSolidFill().getSrgbClr().getVal())
                    .isEqualTo(new byte[] {0x2E, 0x75, (byte) 0xB6});
            assertThat(charts.get(0).getCTChart().getPlotArea().getCatAxArray(0).getTitle().getTx().getRich()
                    .getPArray(0).getRArray(0).getT()).isEqualTo("Rule");
            assertThat(charts.get(0).getCTChart().getPlotArea().getValAxArray(0).getTitle().getTx().getRich()
                    .getPArray(0).getRArray(0).getT()).isEqualTo("Deviations");
            CTLineChart lines = charts.get(1).getCTChart().getPlotArea().getLineChartArray(0);
            assertThat(lines.getSerArray(0).getSpPr().getLn().getSolidFill().getSrgbClr().getVal())
                    .isEqualTo(new byte[] {(byte) 0xC5, 0x5A, 0x11});
            assertThat(lines.getSerArray(0).getSpPr().getLn().getW()).isEqualTo(28575);
            assertThat(charts.get(1).getCTChart().getPlotArea().getCatAxArray(0).getTitle().getTx().getRich()
                    .getPArray(0).getRArray(0).getT()).isEqualTo("Month");
            // both charts within the printed area: columns A to P, from the top
            assertThat(workbook.getPrintArea(0)).startsWith("Summary!$A$1:$P$");
            summary.getDrawingPatriarch().getShapes().forEach(shape -> {
                XSSFClientAnchor anchor = (XSSFClientAnchor) shape.getAnchor();
                assertThat((int) anchor.getCol2()).as("chart's right column").isLessThanOrEqualTo(16);
                assertThat(anchor.getRow2()).as("chart's bottom row").isLessThanOrEqualTo(41);
            });

            Sheet deviations = workbook.getSheet("Deviations");
            assertThat(headers(deviations)).containsExactly("Rule", "Severity", "Status", "Occurred", "Meeting ID",
                    "Topic", "Host", "Profile", "Evidence", "Rule name", "Action and contact");
            assertDataSheetSetUp(deviations);
            // HIGH first, its severity in colour, the rule's plain name, what to do and whom to write to
            Row high = deviations.getRow(1);
            assertThat(high.getCell(0).getStringCellValue()).isEqualTo("TRANSFER_OUTSIDE_EU");
            assertThat(((XSSFCellStyle) high.getCell(1).getCellStyle()).getFillForegroundColorColor().getRGB())
                    .isEqualTo(new byte[] {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE});
            assertThat(high.getCell(9).getStringCellValue()).isEqualTo("Transfer outside the EU");
            assertThat(high.getCell(10).getStringCellValue()).startsWith("Check the data-centre regions")
                    .endsWith("\nWrite to: prof@exemple.fr");
            assertThat(high.getCell(10).getCellStyle().getWrapText()).isTrue();
            assertThat(high.getHeightInPoints()).as("a row as tall as its wrapped text").isGreaterThan(30);
            Row first = deviations.getRow(2);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("SENSITIVE_TOPIC");
            assertThat(DateUtil.isCellDateFormatted(first.getCell(3))).isTrue();
            assertThat(first.getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2031, 3, 10, 9, 30));
            assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(8).getStringCellValue()).doesNotContain("192.168.1.20")
                    .contains(SafeText.ADDRESS_MASK);

            Sheet recordings = workbook.getSheet("Recordings");
            assertThat(headers(recordings).subList(0, 9)).containsExactly("Meeting ID", "Topic", "Host", "Profile",
                    "Storage", "Recorded", "Age (days)", "Retention (days)", "Overdue (days)");
            Row cloud = recordings.getRow(1);
            assertThat(cloud.getCell(4).getStringCellValue()).isEqualTo("cloud");
            assertThat(cloud.getCell(3).getStringCellValue()).isEqualTo("MEETING");
            assertThat(cloud.getCell(6).getNumericCellValue()).isEqualTo(61);
            assertThat(cloud.getCell(7).getNumericCellValue()).isEqualTo(30);
            assertThat(cloud.getCell(8).getNumericCellValue()).isEqualTo(31);
            assertThat(recordings.getRow(2).getCell(4).getStringCellValue()).isEqualTo("local");

            Sheet transfers = workbook.getSheet("Transfers");
            assertThat(headers(transfers).subList(0, 7)).containsExactly("Meeting ID", "Date", "Host", "Data centre",
                    "Country", "Region", "Participants");
            // outside the EU first, in words, before the EU data centre of the same meeting
            assertThat(transfers.getRow(1).getCell(5).getStringCellValue())
                    .isEqualTo("Outside the EU/EEA, no adequacy decision");
            assertThat(transfers.getRow(2).getCell(3).getStringCellValue()).isEqualTo("Germany (FR)");
            assertThat(transfers.getRow(2).getCell(5).getStringCellValue()).isEqualTo("EU/EEA");
            assertThat(transfers.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2031, 3, 10));
            assertThat(transfers.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(3);

            Sheet accounts = workbook.getSheet("Accounts");
            assertThat(headers(accounts).subList(0, 4)).containsExactly("Account", "Profile", "Issue", "Detail");
            assertThat(accounts.getRow(1).getCell(0).getStringCellValue()).isEqualTo("nogroup@exemple.fr");
            assertThat(accounts.getRow(1).getCell(2).getStringCellValue()).isEqualTo("NO_PROFILE");
            assertThat(accounts.getRow(1).getCell(6).getStringCellValue()).isEqualTo("Account without a profile");
            assertThat(accounts.getRow(1).getCell(7).getStringCellValue()).startsWith("Ask the Zoom administrator");

            Sheet quality = workbook.getSheet("Data quality");
            assertThat(headers(quality).subList(0, 8)).containsExactly("File", "Kind", "SHA-256", "Ingested at",
                    "Rows read", "Rows ingested", "Rows rejected", "Reasons");
            Row participants = labelRow(quality, "participants_93100000001.csv");
            assertThat(participants.getCell(4).getNumericCellValue()).isEqualTo(12);
            assertThat(participants.getCell(6).getNumericCellValue()).isEqualTo(2);
            // one reasons column, with the rejected rows' line numbers
            assertThat(headers(quality)).doesNotContain("Rejected rows by reason");
            assertThat(participants.getCell(7).getStringCellValue()).isEqualTo("unreadable join time (2): lines 7, 9");
            assertThat(DateUtil.isCellDateFormatted(participants.getCell(3))).isTrue();

            Sheet register = workbook.getSheet("Register");
            assertThat(headers(register)).containsExactly("Section", "Item", "Value", "Date", "Detail");
            List<String> registerText = texts(register);
            assertThat(registerText).contains("HMAC-SHA-256", "dashboard_participant", "RECORDING_CLOUD",
                    "no recordings export for the period");
            assertThat(registerText).anyMatch(text -> text.startsWith("Key version"));
            Row purge = labelRow(register, "dashboard_participant");
            assertThat(purge.getCell(2).getNumericCellValue()).isEqualTo(42);

            assertThat(texts(workbook)).noneMatch(text -> text.contains("192.168.1.20"));

            // every sheet prints with the institution, the month, page x of y and a confidentiality mark
            for (Sheet sheet : workbook) {
                assertThat(sheet.getHeader().getLeft()).as(sheet.getSheetName()).isEqualTo(policy.institution().name());
                assertThat(sheet.getHeader().getCenter()).as(sheet.getSheetName()).endsWith("2031-03");
                assertThat(sheet.getHeader().getRight()).as(sheet.getSheetName()).contains("Confidential");
                assertThat(sheet.getFooter().getCenter()).as(sheet.getSheetName()).isEqualTo("Page &P of &N");
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            }
        }
    }

    @Test
    void deviationsAreOpenFirstHighFirstThenByDateWithTheRuleTextsInTheInstitutionsLanguage() throws Exception {
        // given deviations of every severity, one of them resolved, and a French-speaking institution
        YearMonth month = YearMonth.of(2031, 7);
        OffsetDateTime at = LocalDateTime.of(2031, 7, 1, 9, 0).atZone(policy.zone()).toOffsetDateTime();
        deviation(month, "PARTICIPANT_UNIDENTIFIED", "93100000071@a", "LOW", at, "Cours", "2 unidentified");
        deviation(month, "RECORDING_CLOUD", "93100000072@a", "HIGH", at.plusDays(1), "Réunion", "cloud recording");
        deviation(month, "SENSITIVE_TOPIC", "93100000073@a", "MEDIUM", at.plusDays(2), "Jury", "topic contains 'jury'");
        deviation(month, "INTRUSION_SUSPECTED", "93100000074@a", "HIGH", at.plusDays(3), "Oral", "9 joins in 5 min");
        jdbc.update("update deviation set status = 'RESOLVED' where month = ? and rule_code = 'RECORDING_CLOUD'",
                month.atDay(1));
        Policy french = inLanguage(policy, Language.FR);
        DpoWorkbook book = new DpoWorkbook(dataSource, transactionManager, french, keyStore, Clock.systemUTC(),
                SheetWriter.EXCEL_MAX_ROWS);
        Path temporary = DpoWorkbook.temporaryFolder(home.reports().resolve(ReportPublisher.POI_TEMPORARY_FOLDER));

        // when the workbook is written
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            book.write(month, out, temporary);
        } finally {
            ReportFiles.deleteTree(temporary);
        }

        // then the open ones come first, HIGH before MEDIUM before LOW, the resolved one apart at the end in grey,
        // and the rule names and actions are French
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet deviations = workbook.getSheet("Écarts");
            List<String> order = new ArrayList<>();
            for (int i = 1; i <= deviations.getLastRowNum(); i++) {
                order.add(deviations.getRow(i).getCell(0).getStringCellValue() + " "
                        + deviations.getRow(i).getCell(2).getStringCellValue());
            }
            assertThat(order).containsExactly("INTRUSION_SUSPECTED NEW", "SENSITIVE_TOPIC NEW",
                    "PARTICIPANT_UNIDENTIFIED NEW", "RECORDING_CLOUD RESOLVED");
            assertThat(((XSSFCellStyle) deviations.getRow(4).getCell(2).getCellStyle()).getFillForegroundColorColor()
                    .getRGB()).isEqualTo(new byte[] {(byte) 0xED, (byte) 0xED, (byte) 0xED});
            assertThat(deviations.getRow(1).getCell(9).getStringCellValue()).isEqualTo("Intrusion suspectée");
            assertThat(deviations.getRow(1).getCell(10).getStringCellValue())
                    .startsWith("Contacter l'organisateur sans attendre");
            assertThat(deviations.getRow(4).getCell(9).getStringCellValue()).isEqualTo("Enregistrement dans le cloud");
        }
    }

    @Test
    void theSameMonthIsWrittenInFrenchOrInEnglishAsThePolicySays() throws Exception {
        // given a month with one open deviation of an evaluated rule, one rule not evaluated, the month before not
        // evaluated
        YearMonth month = YearMonth.of(2031, 9);
        OffsetDateTime at = LocalDateTime.of(2031, 9, 8, 10, 0).atZone(policy.zone()).toOffsetDateTime();
        deviation(month, "SENSITIVE_TOPIC", "93100000091@a", "MEDIUM", at, "Jury", "topic contains 'jury'");
        // its evidence as the rule writes it: a key and its arguments (the English text beside it is not read)
        jdbc.update("update deviation set evidence_key = 'evidence.SENSITIVE_TOPIC', evidence_args = ?::jsonb"
                + " where month = ? and subject = '93100000091@a'",
                "[\"Jury de thèse\", [{\"key\": \"evidence.quoted\", \"args\": [\"jury\"]}]]", month.atDay(1));
        jdbc.update("insert into rule_evaluation (month, rule_code, evaluated, reason, deviation_count) values"
                + " (?, 'SENSITIVE_TOPIC', true, null, 1), (?, 'RECORDING_CLOUD', false, 'no recordings export', 0)",
                month.atDay(1), month.atDay(1));
        EvaluatedMonths.mark(jdbc, month);

        // when its workbook is written under a French policy and under an English one
        byte[] french = write(inLanguage(policy, Language.FR), month);
        byte[] english = write(inLanguage(policy, Language.EN), month);

        // then the sheet names, the Deviations headers and the Summary's labels are in the policy's language
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(french))) {
            assertThat(sheetNames(workbook)).containsExactly("Synthèse", "Écarts", "Enregistrements", "Transferts",
                    "Comptes", "Qualité des données", "Registre");
            assertThat(headers(workbook.getSheet("Écarts"))).containsExactly("Règle", "Gravité", "Statut",
                    "Survenu le", "ID de réunion", "Sujet", "Organisateur", "Profil", "Constat", "Nom de la règle",
                    "Action et contact");
            XSSFSheet summary = workbook.getSheet("Synthèse");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Conformité Zoom : classeur du DPO");
            assertThat(label(summary, "Période").getStringCellValue()).isEqualTo("2031-09");
            assertThat(label(summary, "Établissement").getStringCellValue()).isEqualTo(policy.institution().name());
            assertThat(label(summary, "Écarts MEDIUM").getNumericCellValue()).isEqualTo(1);
            assertThat(label(summary, "Écarts au total").getNumericCellValue()).isEqualTo(1);
            assertThat(label(summary, "Résolus ce mois-ci").getNumericCellValue()).isZero();
            assertThat(labelRow(summary, "SENSITIVE_TOPIC").getCell(2).getStringCellValue()).isEqualTo("oui");
            assertThat(labelRow(summary, "RECORDING_CLOUD").getCell(2).getStringCellValue())
                    .isEqualTo("non : no recordings export");
            assertThat(labelRow(summary, "SENSITIVE_TOPIC").getCell(4).getStringCellValue()).isEqualTo("non évalué");
            assertThat(texts(summary)).contains("Mois précédent (2031-08)", "Écarts ouverts");
            assertThat(headers(workbook.getSheet("Registre"))).containsExactly("Section", "Élément", "Valeur", "Date",
                    "Détail");
            assertThat(texts(workbook.getSheet("Registre"))).contains("Traitement", "Responsable du traitement",
                    "Règles non évaluées");
            assertThat(workbook.getSheet("Écarts").getRow(1).getCell(10).getStringCellValue())
                    .endsWith("\nÉcrire à : prof@exemple.fr");
            assertThat(workbook.getSheet("Écarts").getRow(1).getCell(8).getStringCellValue()).isEqualTo(
                    "le sujet « Jury de thèse » contient le(s) terme(s) sensible(s) « jury » ; Zoom n’est approuvé que"
                            + " pour des informations non sensibles");
            assertThat(summary.getHeader().getRight()).contains("Confidentiel");
            assertThat(summary.getFooter().getCenter()).isEqualTo("Page &P sur &N");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            assertThat(sheetNames(workbook)).containsExactly("Summary", "Deviations", "Recordings", "Transfers",
                    "Accounts", "Data quality", "Register");
            assertThat(headers(workbook.getSheet("Deviations"))).containsExactly("Rule", "Severity", "Status",
                    "Occurred", "Meeting ID", "Topic", "Host", "Profile", "Evidence", "Rule name", "Action and contact");
            XSSFSheet summary = workbook.getSheet("Summary");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Zoom compliance: DPO workbook");
            assertThat(label(summary, "Period").getStringCellValue()).isEqualTo("2031-09");
            assertThat(label(summary, "Institution").getStringCellValue()).isEqualTo(policy.institution().name());
            assertThat(label(summary, "Deviations in all").getNumericCellValue()).isEqualTo(1);
            assertThat(label(summary, "Resolved this month").getNumericCellValue()).isZero();
            assertThat(labelRow(summary, "SENSITIVE_TOPIC").getCell(2).getStringCellValue()).isEqualTo("yes");
            assertThat(labelRow(summary, "SENSITIVE_TOPIC").getCell(4).getStringCellValue()).isEqualTo("not evaluated");
            assertThat(texts(summary)).contains("Previous month (2031-08)", "Open deviations");
            assertThat(workbook.getSheet("Deviations").getRow(1).getCell(8).getStringCellValue()).isEqualTo(
                    "the topic \"Jury de thèse\" contains the sensitive term(s) \"jury\"; Zoom is approved for"
                            + " non-sensitive information only");
        }
    }

    @Test
    void theFrontPageSaysInSentencesWhatNeedsActionAndNamesTheHostsWithTheMostOpenDeviations() throws Exception {
        // given February 2034, after an evaluated January: three open HIGH deviations (two cloud recordings by
        // anne, a transfer by paul), a MEDIUM one by paul, one resolved this month, every rule evaluated but
        // MEETING_ON_PMI; March never evaluated
        YearMonth month = YearMonth.of(2034, 2);
        OffsetDateTime at = LocalDateTime.of(2034, 2, 6, 14, 0).atZone(policy.zone()).toOffsetDateTime();
        hostDeviation(month, "RECORDING_CLOUD", "HIGH", "NEW", at, "anne@exemple.fr");
        hostDeviation(month, "RECORDING_CLOUD", "HIGH", "ONGOING", at.plusDays(1), "anne@exemple.fr");
        hostDeviation(month, "TRANSFER_OUTSIDE_EU", "HIGH", "NEW", at.plusDays(2), "paul@exemple.fr");
        hostDeviation(month, "SENSITIVE_TOPIC", "MEDIUM", "NEW", at.plusDays(3), "paul@exemple.fr");
        hostDeviation(month, "MEETING_ROOM_REUSED", "MEDIUM", "RESOLVED", at.plusDays(4), "zoe@exemple.fr");
        for (String code : policy.rules().keySet()) {
            jdbc.update("insert into rule_evaluation (month, rule_code, evaluated, reason) values (?, ?, ?, ?)",
                    month.atDay(1), code, !code.equals("MEETING_ON_PMI"),
                    code.equals("MEETING_ON_PMI") ? "no users export" : null);
        }
        String sha256 = "ab".repeat(32);
        jdbc.update("insert into evaluation_policy (month, policy_sha256, policy_origin, policy_values, evaluated_at)"
                + " values (?, ?, 'HOME/policy.yml', '{}'::jsonb, now())", month.atDay(1), sha256);
        EvaluatedMonths.mark(jdbc, month.minusMonths(1));
        EvaluatedMonths.mark(jdbc, month);

        // when its workbook is written in English and in French, and March's in English
        byte[] english = write(inLanguage(policy, Language.EN), month);
        byte[] french = write(inLanguage(policy, Language.FR), month);
        byte[] march = write(inLanguage(policy, Language.EN), month.plusMonths(1));

        // then the front page gives the policy, three sentences from the data and the two hosts, anne first (as
        // many open deviations as paul, more of them HIGH)
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            XSSFSheet summary = workbook.getSheet("Summary");
            assertThat(label(summary, "Policy (SHA-256)").getStringCellValue()).isEqualTo(sha256);
            assertThat(firstCells(summary, "Executive summary", 3)).containsExactly(
                    "3 HIGH deviations need action, 2 of them for the rule \u201cCloud recording\u201d (RECORDING_CLOUD).",
                    "1 deviation of the previous month was resolved this month.",
                    "1 rule was not evaluated (MEETING_ON_PMI): the Register says why.");
            Row anne = labelRow(summary, "anne@exemple.fr");
            Row paul = labelRow(summary, "paul@exemple.fr");
            assertThat(anne.getRowNum()).isEqualTo(labelRow(summary, "Hosts with the most open deviations").getRowNum() + 1);
            assertThat(paul.getRowNum()).isEqualTo(anne.getRowNum() + 1);
            assertThat(anne.getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(anne.getCell(2).getNumericCellValue()).isEqualTo(2);
            assertThat(paul.getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(paul.getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(texts(summary)).doesNotContain("zoe@exemple.fr");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(french))) {
            XSSFSheet summary = workbook.getSheet("Synthèse");
            assertThat(label(summary, "Politique (SHA-256)").getStringCellValue()).isEqualTo(sha256);
            assertThat(firstCells(summary, "Synthèse pour la direction", 3)).containsExactly(
                    "3 écarts HIGH appellent une action, dont 2 pour la règle « Enregistrement dans le cloud »"
                            + " (RECORDING_CLOUD).",
                    "1 écart du mois précédent a été résolu ce mois-ci.",
                    "1 règle n\u2019a pas été évaluée (MEETING_ON_PMI) : le Registre dit pourquoi.");
        }
        // and a month never evaluated says so, with no count and no host
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(march))) {
            XSSFSheet summary = workbook.getSheet("Summary");
            assertThat(label(summary, "Policy (SHA-256)").getStringCellValue()).isEqualTo("not evaluated");
            assertThat(firstCells(summary, "Executive summary", 2)).containsExactly("2034-03 was not evaluated: no"
                    + " evaluation ran over its exports, so this workbook gives no deviation count for it.", "");
            assertThat(firstCells(summary, "Hosts with the most open deviations", 1)).containsExactly("not evaluated");
        }
    }

    @Test
    void theRegisterIsARecordOfProcessingFromThePolicysTextsOrTheStandardOnes() throws Exception {
        // given May 2034 evaluated, one meeting whose media went outside the EU/EEA (and one through the EU), and a
        // policy that sets the DPO's contact and the security measures but leaves the other texts empty
        YearMonth month = YearMonth.of(2034, 5);
        OffsetDateTime start = LocalDateTime.of(2034, 5, 12, 9, 0).atZone(policy.zone()).toOffsetDateTime();
        jdbc.update("insert into meeting_transfer (month, meeting_id, meeting_start, host_email, data_centre,"
                + " country, region, participants) values (?, '93400000051', ?, 'prof@exemple.fr', 'SC (Top)',"
                + " 'US', 'OTHER', 3), (?, '93400000051', ?, 'prof@exemple.fr', 'Ashburn (IAD)', 'US', 'OTHER', 1),"
                + " (?, '93400000052', ?, 'prof@exemple.fr', 'Germany (FR)', 'DE', 'EU_EEA', 9)",
                month.atDay(1), start, month.atDay(1), start, month.atDay(1), start.plusHours(2));
        EvaluatedMonths.mark(jdbc, month);
        String texts = "subject-rights: { dpo-contact: dpo@exemple.fr }\n"
                + "register: { security-measures: \"Chiffrement des disques; accès par VPN\" }\n";

        // when the month's workbook is written in English and in French
        byte[] english = write(TestPolicies.of("institution: { language: en }\n" + texts), month);
        byte[] french = write(TestPolicies.of("institution: { language: fr }\n" + texts), month);

        // then the Register gives each field of the record, the policy's text where it sets one, else the standard
        // text saying which key would set it
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            Sheet register = workbook.getSheet("Register");
            assertThat(cells(labelRow(register, "Data Protection Officer"))).containsExactly("Processing",
                    "Data Protection Officer", "dpo@exemple.fr", "", "policy key subject-rights.dpo-contact");
            assertThat(cells(labelRow(register, "Legal basis"))).containsExactly("Processing", "Legal basis",
                    "Legal obligation and task in the public interest: accountability of the controller (GDPR art."
                            + " 5(2), 6(1)(c) and (e), 24 and 32).", "",
                    "policy key subject-rights.legal-basis not set: the standard text");
            assertThat(cells(labelRow(register, "Categories of data subjects")).get(2)).isEqualTo("Staff, students and"
                    + " external participants of the institution's Zoom meetings and webinars; holders of the"
                    + " institution's Zoom accounts");
            assertThat(cells(labelRow(register, "Recipients")).get(2)).isEqualTo("The Data Protection Officer and the"
                    + " IT operators of the institution; no one outside it.");
            assertThat(cells(labelRow(register, "Transfers outside the EU/EEA"))).containsExactly("Processing",
                    "Transfers outside the EU/EEA", "1 meeting this month without an adequacy decision or to an"
                            + " unknown region (see Transfers)", "",
                    "Not set in the policy (register.transfer-safeguards): state the safeguards of the Zoom contract"
                            + " for data centres outside the EU/EEA, such as the standard contractual clauses (GDPR"
                            + " art. 46)");
            assertThat(cells(labelRow(register, "Security measures"))).containsExactly("Processing",
                    "Security measures", "Chiffrement des disques; accès par VPN", "",
                    "policy key register.security-measures");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(french))) {
            Sheet register = workbook.getSheet("Registre");
            assertThat(cells(labelRow(register, "Délégué à la protection des données")).get(2))
                    .isEqualTo("dpo@exemple.fr");
            assertThat(cells(labelRow(register, "Transferts hors UE/EEE")).get(2)).isEqualTo("1 réunion ce mois-ci sans"
                    + " décision d\u2019adéquation ou vers une région inconnue (voir Transferts)");
            assertThat(cells(labelRow(register, "Base légale")).get(4))
                    .isEqualTo("clé de politique subject-rights.legal-basis non renseignée : le texte standard");
        }
    }

    /** A row's cells as text, "" for an empty one, up to its last cell. */
    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue());
        }
        return cells;
    }

    private void hostDeviation(YearMonth month, String rule, String severity, String status, OffsetDateTime at,
            String host) {
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, occurred_at, meeting_id,"
                + " topic, host_email, profile, evidence) values (?, ?, ?, ?, ?, ?, '93400000001', 'Cours', ?,"
                + " 'TEACHING', 'seen')", month.atDay(1), rule, "occurrence:93400000001@" + at, severity, status, at,
                host);
    }

    /** The first cells of the {@code count} rows under the one labelled {@code label} ("" for an empty row). */
    private static List<String> firstCells(Sheet sheet, String label, int count) {
        int first = labelRow(sheet, label).getRowNum() + 1;
        List<String> cells = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            Row row = sheet.getRow(i);
            cells.add(row == null || row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue());
        }
        return cells;
    }

    /** The month's workbook written by a workbook of that policy, outside the report job. */
    private byte[] write(Policy under, YearMonth month) throws IOException {
        DpoWorkbook book = new DpoWorkbook(dataSource, transactionManager, under, keyStore, Clock.systemUTC(),
                SheetWriter.EXCEL_MAX_ROWS);
        Path temporary = DpoWorkbook.temporaryFolder(home.reports().resolve(ReportPublisher.POI_TEMPORARY_FOLDER));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            book.write(month, out, temporary);
        } finally {
            ReportFiles.deleteTree(temporary);
        }
        return out.toByteArray();
    }

    @Test
    void accountsListTheHostDeviationsThatNameTheirFirstMeeting() throws Exception {
        // given a host outside the contract (HOST_OUTSIDE_CONTRACT gives the host's first meeting ID, as its rule
        // SQL does) and a meeting's deviation by the same host
        YearMonth month = YearMonth.of(2031, 8);
        OffsetDateTime at = LocalDateTime.of(2031, 8, 4, 9, 0).atZone(policy.zone()).toOffsetDateTime();
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, occurred_at, meeting_id,"
                + " topic, host_email, profile, evidence) values (?, 'HOST_OUTSIDE_CONTRACT', 'host:guest@gmail.com',"
                + " 'HIGH', 'NEW', ?, '93100000081', 'Oral', 'guest@gmail.com', null, 'guest@gmail.com hosted 2 meeting(s)')",
                month.atDay(1), at);
        deviation(month, "SENSITIVE_TOPIC", "93100000082@a", "MEDIUM", at, "Jury", "topic contains 'jury'");
        DpoWorkbook book = new DpoWorkbook(dataSource, transactionManager, policy, keyStore, Clock.systemUTC(),
                SheetWriter.EXCEL_MAX_ROWS);
        Path temporary = DpoWorkbook.temporaryFolder(home.reports().resolve(ReportPublisher.POI_TEMPORARY_FOLDER));

        // when the workbook is written
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            book.write(month, out, temporary);
        } finally {
            ReportFiles.deleteTree(temporary);
        }

        // then Accounts lists the host's deviation (it used to require no meeting ID, which this rule never has),
        // and not the meeting's
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet accounts = workbook.getSheet("Accounts");
            List<String> issues = new ArrayList<>();
            for (int i = 1; i <= accounts.getLastRowNum(); i++) {
                issues.add(accounts.getRow(i).getCell(0).getStringCellValue() + " "
                        + accounts.getRow(i).getCell(2).getStringCellValue());
            }
            assertThat(issues).contains("guest@gmail.com HOST_OUTSIDE_CONTRACT");
            assertThat(issues).noneMatch(issue -> issue.endsWith("SENSITIVE_TOPIC"));
        }
    }

    @Test
    void everyTablePrintsOnePageWideAtALegibleScale() {
        // 172 characters is the Deviations table, which LibreOffice prints one A4 landscape page wide with its
        // 11-point text at about 9 points (DemoWorkbookRenderingTest measures it); no table may be wider
        for (List<SheetWriter.Column> columns : List.of(DeviationsSheet.COLUMNS, RecordingsSheet.COLUMNS,
                TransfersSheet.COLUMNS, AccountsSheet.COLUMNS, DataQualitySheet.COLUMNS, RegisterSheet.COLUMNS)) {
            assertThat(columns.stream().mapToInt(SheetWriter.Column::width).sum()).as(columns.get(0).header())
                    .isLessThanOrEqualTo(172);
        }
    }

    @Test
    void theDataQualitySheetSaysTheReasonsIngestRecordedInTheWorkbooksLanguage() throws Exception {
        // given a participants export of its own month ingested for real, with rows that cannot be read: an empty
        // name twice, a duration that is no number, a row cut short, and a join time that is an address
        YearMonth month = YearMonth.of(2034, 8);
        Path file = Files.writeString(TestHomes.newHome().resolve("participants_93400000008.csv"), """
                Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
                934 0000 0008,Reasons,08/12/2034 02:00:00 PM,08/12/2034 03:00:00 PM,host@exemple.fr,60,5

                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Anne Martin,anne@exemple.fr,08/12/2034 02:00:00 PM,08/12/2034 03:00:00 PM,60,No
                ,nobody@exemple.fr,08/12/2034 02:01:00 PM,08/12/2034 03:00:00 PM,59,No
                ,nobody.else@exemple.fr,08/12/2034 02:02:00 PM,08/12/2034 03:00:00 PM,58,No
                Bob,bob@exemple.fr,08/12/2034 02:03:00 PM,08/12/2034 03:00:00 PM,many,No
                Cut,cut@exemple.fr
                Eve,eve@exemple.fr,203.0.113.77,08/12/2034 03:00:00 PM,57,No
                """, StandardCharsets.UTF_8);
        FileOutcome outcome = ingestion.ingest(List.of(file)).files().get(0);
        assertThat(outcome.status()).as(outcome.reasonText()).isEqualTo(IngestReport.Status.COMPLETED);
        EvaluatedMonths.mark(jdbc, month);

        // when its workbook is written under a French policy and under an English one
        byte[] french = write(inLanguage(policy, Language.FR), month);
        byte[] english = write(inLanguage(policy, Language.EN), month);

        // then each Data quality sheet says every reason in its language, with counts and line numbers
        int quality = DpoWorkbook.SHEETS.indexOf("Data quality");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(french))) {
            assertThat(labelRow(workbook.getSheetAt(quality), "participants_93400000008.csv").getCell(7)
                    .getStringCellValue()).isEqualTo("nom de participant vide (2) : lignes 6, 7 ; "
                    + "pas un nombre entier dans duration_minutes (1) : ligne 8 ; "
                    + "date illisible dans join_time : forme de date non reconnue (1) : ligne 10 ; "
                    + "nombre de champs incorrect : 2 champs pour un en-tête de 6 (1) : ligne 9");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            assertThat(labelRow(workbook.getSheetAt(quality), "participants_93400000008.csv").getCell(7)
                    .getStringCellValue()).isEqualTo("empty participant name (2): lines 6, 7; "
                    + "not a whole number in duration_minutes (1): line 8; "
                    + "unparseable date in join_time: unrecognised date shape (1): line 10; "
                    + "wrong field count: 2 fields for a header of 6 (1): line 9");
        }
        // and the address in the rejected row reaches neither the reasons nor their arguments
        assertThat(jdbc.queryForList("""
                select concat_ws(' ', q.reason, q.reason_key, q.reason_args, f.reasons, f.reasons_key, f.reasons_args)
                  from quarantined_row q join source_file f on f.id = q.source_file_id where f.sha256 = ?""",
                String.class, outcome.sha256())).hasSize(5).noneMatch(text -> text.contains("203.0.113.77"));
    }

    private static Policy inLanguage(Policy p, Language language) {
        // the test policy differs from the defaults only by its language
        return TestPolicies.of("institution: { language: " + language.code() + " }");
    }

    @Test
    void injectionPayloadsAreStoredAsLiteralTextAndNoCellIsAFormula() throws Exception {
        // given deviations whose topics and evidence are formula-injection payloads from the fixture
        YearMonth month = YearMonth.of(2031, 4);
        List<String> payloads = new ArrayList<>(payloads());
        payloads.add("\t=1+1");
        payloads.add("\r=1+1");
        OffsetDateTime at = LocalDateTime.of(2031, 4, 2, 14, 0).atZone(policy.zone()).toOffsetDateTime();
        for (int i = 0; i < payloads.size(); i++) {
            deviation(month, "SENSITIVE_TOPIC", "injection-" + i, "MEDIUM", at.plusMinutes(i), payloads.get(i),
                    payloads.get(i));
        }
        deviation(month, "SENSITIVE_TOPIC", "long", "MEDIUM", at.plusHours(1), "long\u0007topic", "y".repeat(40_000));

        // when the workbook is built
        JobExecution execution = monthlyReport.build(month, null);

        // then every payload is a string cell shown literally (quote prefix), and no cell anywhere is a formula
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path file = monthlyReport.producedBy(execution).orElseThrow().path();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
                assertThat(((XSSFSheet) sheet).getHyperlinkList()).isEmpty();
            }
            Sheet deviations = workbook.getSheet("Deviations");
            List<String> topics = new ArrayList<>();
            for (int i = 1; i <= payloads.size(); i++) {
                Cell topic = deviations.getRow(i).getCell(5);
                assertThat(topic.getCellType()).isEqualTo(CellType.STRING);
                assertThat(topic.getCellStyle().getQuotePrefixed()).as(topic.getStringCellValue()).isTrue();
                topics.add(topic.getStringCellValue());
            }
            assertThat(topics).containsExactlyElementsOf(payloads);
            Row longRow = deviations.getRow(payloads.size() + 1);
            assertThat(longRow.getCell(5).getStringCellValue()).isEqualTo("longtopic");
            assertThat(longRow.getCell(8).getStringCellValue()).hasSizeLessThanOrEqualTo(SafeText.EXCEL_CELL_LIMIT)
                    .contains("[truncated: 40000 characters in all]");
        }
    }

    @Test
    void aTablePastTheRowLimitContinuesOnNumberedSheets() throws Exception {
        // given seven deviations and a workbook whose sheets hold a header and three rows
        YearMonth month = YearMonth.of(2031, 5);
        OffsetDateTime at = LocalDateTime.of(2031, 5, 3, 8, 0).atZone(policy.zone()).toOffsetDateTime();
        for (int i = 0; i < 7; i++) {
            deviation(month, "CLIENT_OUTDATED", "split-" + i, "MEDIUM", at.plusMinutes(i), "Topic " + i, "5.1.0");
        }
        DpoWorkbook small = new DpoWorkbook(dataSource, transactionManager, policy, keyStore, Clock.systemUTC(), 4);
        Path temporary = DpoWorkbook.temporaryFolder(home.reports().resolve(ReportPublisher.POI_TEMPORARY_FOLDER));

        // when the workbook is written
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            small.write(month, out, temporary);
            try (Stream<Path> left = Files.list(temporary)) {
                assertThat(left).as("POI temporary files left by the build").isEmpty();
            }
        } finally {
            ReportFiles.deleteTree(temporary);
        }

        // then the deviations continue on "Deviations (2)" and "(3)", each with its header, in the sheet order
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(sheetNames(workbook)).startsWith("Summary", "Deviations", "Deviations (2)", "Deviations (3)",
                    "Recordings");
            assertThat(workbook.getSheet("Deviations").getLastRowNum()).isEqualTo(3);
            assertThat(workbook.getSheet("Deviations (2)").getLastRowNum()).isEqualTo(3);
            assertThat(workbook.getSheet("Deviations (3)").getLastRowNum()).isEqualTo(1);
            assertThat(headers(workbook.getSheet("Deviations (3)")))
                    .containsExactly("Rule", "Severity", "Status", "Occurred", "Meeting ID", "Topic", "Host", "Profile",
                            "Evidence", "Rule name", "Action and contact");
            assertThat(workbook.getSheet("Deviations (3)").getRow(1).getCell(6 - 1).getStringCellValue())
                    .isEqualTo("Topic 6");
        }
    }

    @Test
    void aReRunIsANewVersionAndEarlierVersionsStayRegisteredWithTheirFiles() throws Exception {
        // given a month already reported once
        YearMonth month = YearMonth.of(2031, 6);
        deviation(month, "ACCOUNT_INACTIVE", "account:old@exemple.fr", "LOW", null, null, "last sign-in 2029-01-01");
        JobExecution first = monthlyReport.build(month, null);
        ReportEntry version1 = monthlyReport.producedBy(first).orElseThrow();

        // when the report is built again (a killed build having left a temporary file), with an extra copy
        Files.writeString(version1.path().resolveSibling(".zoom-compliance-2031-06.xlsx.999.tmp"), "partial");
        Path copies = Files.createDirectories(home.root().resolve("copies"));
        JobExecution second = monthlyReport.build(month, copies);

        // then the month has two versions: the newest at the usual name, the earlier one kept as .v1.xlsx, and
        // the leftover is gone
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        ReportEntry version2 = monthlyReport.producedBy(second).orElseThrow();
        assertThat(version2.version()).isEqualTo(2);
        assertThat(monthlyReport.latest(month)).contains(version2);
        List<ReportEntry> versions = monthlyReport.versions(month);
        assertThat(versions).extracting(ReportEntry::version).containsExactly(2, 1);
        ReportEntry kept = versions.get(1);
        assertThat(kept.path().getFileName().toString()).isEqualTo("zoom-compliance-2031-06.v1.xlsx");
        assertThat(kept.sha256()).isEqualTo(version1.sha256());
        assertThat(sha256(Files.readAllBytes(kept.path()))).isEqualTo(version1.sha256());
        assertThat(sha256(Files.readAllBytes(version2.path()))).isEqualTo(version2.sha256());
        assertThat(Files.readAllBytes(copies.resolve("zoom-compliance-2031-06.xlsx")))
                .isEqualTo(Files.readAllBytes(version2.path()));
        assertThat(monthlyReport.deviationsPerRule(month)).containsEntry("ACCOUNT_INACTIVE", 1L);
        try (Stream<Path> files = Files.list(version2.path().getParent())) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("zoom-compliance-2031-06.xlsx", "zoom-compliance-2031-06.v1.xlsx");
        }
    }

    private static void assertDataSheetSetUp(Sheet sheet) {
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
        assertThat(((XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter()).isTrue();
        assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
        assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(sheet.getColumnWidth(5)).isGreaterThan(sheet.getColumnWidth(1));
    }

    /** A file ingested at {@code ingestedAt} whose rows describe {@code covers}, as ingest records it. */
    private long sourceFile(String name, String kind, OffsetDateTime ingestedAt, OffsetDateTime covers) {
        return jdbc.queryForObject("insert into source_file (sha256, file_name, kind, status, ingested_at, data_from,"
                + " data_to) values (?, ?, ?, 'COMPLETED', ?, ?, ?) returning id", Long.class,
                sha256((name + ingestedAt).getBytes(StandardCharsets.UTF_8)), name, kind, ingestedAt, covers, covers);
    }

    private void deviation(YearMonth month, String rule, String subject, String severity, OffsetDateTime at,
            String topic, String evidence) {
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, occurred_at, meeting_id,"
                + " topic, host_email, profile, evidence) values (?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?)",
                month.atDay(1), rule, subject, severity, at, at == null ? null : subject.split("@")[0], topic,
                at == null ? subject.substring(subject.indexOf(':') + 1) : "prof@exemple.fr", "MEETING", evidence);
    }

    private static List<String> payloads() throws IOException {
        try (InputStream in = ReportJobFunctionalTests.class.getResourceAsStream("injection-payloads.txt")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    /** The row whose first cell holds this label. */
    private static Row labelRow(Sheet sheet, String label) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(label)) {
                    return row;
                }
            }
        }
        throw new AssertionError("no row labelled " + label + " in " + sheet.getSheetName());
    }

    private static Cell label(Sheet sheet, String label) {
        return labelRow(sheet, label).getCell(1);
    }

    private static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        sheet.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == CellType.STRING) {
                texts.add(cell.getStringCellValue());
            }
        }));
        return texts;
    }

    private static List<String> texts(XSSFWorkbook workbook) {
        List<String> texts = new ArrayList<>();
        workbook.forEach(sheet -> texts.addAll(texts(sheet)));
        return texts;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
