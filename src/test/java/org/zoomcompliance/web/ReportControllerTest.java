package org.zoomcompliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.zoomcompliance.support.EvaluatedMonths;
import org.zoomcompliance.support.WebIntegrationTest;

/** The DPO's pages: the workbooks, their audited download with safe headers, and a month's deviations. */
class ReportControllerTest extends WebIntegrationTest {

    private static final RequestPostProcessor AS_DPO = user("dpo-reports").roles("DPO");

    @Test
    void listsTheWorkbooksWithTheirVersionsAndHashes() throws Exception {
        // given
        TestWorkbooks.Registered first = TestWorkbooks.register(jdbc, home, YearMonth.of(2031, 1), 1);
        TestWorkbooks.Registered second = TestWorkbooks.register(jdbc, home, YearMonth.of(2031, 1), 2);

        // when / then
        mvc.perform(get("/reports").with(AS_DPO))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2031-01")))
                .andExpect(content().string(containsString(first.sha256())))
                .andExpect(content().string(containsString(second.sha256())))
                .andExpect(content().string(containsString("/reports/" + second.id() + "/download")));
    }

    @Test
    void aDownloadIsAnAuditedAttachmentThatIsNeverCachedNorSniffed() throws Exception {
        // given
        TestWorkbooks.Registered workbook = TestWorkbooks.register(jdbc, home, YearMonth.of(2031, 3), 1);

        // when / then
        mvc.perform(get("/reports/" + workbook.id() + "/download").with(AS_DPO))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("zoom-compliance-2031-03.xlsx")))
                .andExpect(header().stringValues("X-Content-Type-Options", "nosniff"))
                .andExpect(header().stringValues("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")))
                .andExpect(content().bytes(workbook.content()));
        Map<String, Object> audit = jdbc.queryForMap("select actor, action, target, sha256 from audit_event"
                + " where action = 'REPORT_DOWNLOAD' and sha256 = ?", workbook.sha256());
        assertThat(audit).containsEntry("actor", "dpo-reports").containsEntry("target", "report 2031-03 v1");
    }

    @Test
    void aWorkbookChangedSinceItWasRegisteredIsNotSent() throws Exception {
        // given
        TestWorkbooks.Registered workbook = TestWorkbooks.register(jdbc, home, YearMonth.of(2031, 5), 1);
        Files.write(workbook.file(), new byte[] {1, 2, 3});

        // when / then
        mvc.perform(get("/reports/" + workbook.id() + "/download").with(AS_DPO)).andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where sha256 = ?", Integer.class,
                workbook.sha256())).isZero();
    }

    @Test
    void aWorkbookOutsideTheReportsFolderOrUnknownIsNotFound() throws Exception {
        // given
        Long outside = jdbc.queryForObject("insert into report (month, version, path, sha256, size_bytes)"
                + " values ('2031-06-01', 1, '/etc/passwd', repeat('0', 64), 1) returning id", Long.class);

        // when / then
        mvc.perform(get("/reports/" + outside + "/download").with(AS_DPO)).andExpect(status().isNotFound());
        mvc.perform(get("/reports/999999999/download").with(AS_DPO)).andExpect(status().isNotFound());
    }

    @Test
    void showsAMonthsDeviationsFilteredByRuleAndSeverity() throws Exception {
        // given
        Date month = Date.valueOf("2031-02-01");
        deviation(month, "RECORDING_NOT_ALLOWED", "HIGH", "meeting 1", "<b>student recorded</b>");
        deviation(month, "RECORDING_NOT_ALLOWED", "HIGH", "meeting 2", "student recorded again");
        deviation(month, "CLIENT_OUTDATED", "LOW", "account 1", "client 5.1.0");
        EvaluatedMonths.mark(jdbc, YearMonth.of(2031, 2));

        // when / then
        mvc.perform(get("/deviations").param("month", "2031-02").with(AS_DPO))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3</span> deviation(s)")))
                .andExpect(content().string(containsString("&lt;b&gt;student recorded&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b>student recorded</b>"))));
        mvc.perform(get("/deviations").param("month", "2031-02").param("rule", "CLIENT_OUTDATED").with(AS_DPO))
                .andExpect(content().string(containsString("1</span> deviation(s)")))
                .andExpect(content().string(containsString("client 5.1.0")))
                .andExpect(content().string(not(containsString("student recorded again"))));
        mvc.perform(get("/deviations").param("month", "2031-02").param("severity", "HIGH").with(AS_DPO))
                .andExpect(content().string(containsString("2</span> deviation(s)")));
        mvc.perform(get("/deviations").param("month", "2031-02").param("rule", "CLIENT_OUTDATED").param("severity", "HIGH")
                        .with(AS_DPO))
                .andExpect(content().string(containsString("0</span> deviation(s)")));
    }

    @Test
    void evidenceIsRenderedFromItsKeyOnThePageAndInTheExport() throws Exception {
        // given a deviation whose key and arguments say what the rule saw, and whose stored text is out of date
        Date month = Date.valueOf("2031-04-01");
        deviation(month, "RECORDING_RETENTION_EXCEEDED", "MEDIUM", "recording 1", "an older sentence");
        jdbc.update("update deviation set evidence_key = 'evidence.RECORDING_RETENTION_EXCEEDED',"
                + " evidence_args = '[\"2031-01-10\", 80, \"2031-03-31\", 30, \"MEETING\", 50]'::jsonb"
                + " where month = ? and subject = 'recording 1'", month);
        EvaluatedMonths.mark(jdbc, YearMonth.of(2031, 4));
        String sentence = "recorded 2031-01-10, 80 days old on 2031-03-31, limit 30 days (MEETING), 50 days overdue";

        // when / then the page and the CSV show the key's sentence in the institution's language (English here)
        mvc.perform(get("/deviations").param("month", "2031-04").with(AS_DPO))
                .andExpect(content().string(containsString(sentence)))
                .andExpect(content().string(not(containsString("an older sentence"))));
        mvc.perform(get("/deviations/export.csv").param("month", "2031-04").with(AS_DPO))
                .andExpect(content().string(containsString("\"" + sentence + "\"")));
    }

    private void deviation(Date month, String rule, String severity, String subject, String evidence) {
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, evidence) values (?, ?, ?, ?, 'NEW', ?)",
                month, rule, subject, severity, evidence);
    }
}
