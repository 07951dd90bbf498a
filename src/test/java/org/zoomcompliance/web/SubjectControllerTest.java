package org.zoomcompliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.zoomcompliance.support.WebIntegrationTest;

/** The DPO's Data-subject requests page: DPO only, the identifier never shown again, every step audited. */
class SubjectControllerTest extends WebIntegrationTest {

    private static final RequestPostProcessor AS_DPO = user("dpo-subjects").roles("DPO");
    private static final String EMAIL = "web.subject@exemple.fr";

    @Test
    void searchExportAndEraseWithConfirmation() throws Exception {
        // given a person's sign-in
        jdbc.update("insert into sign_in (event_time, email, event_type, source_file_id, line_number)"
                + " values ('2026-09-03 10:00+02', ?, 'SIGN_IN', -1, 1)", EMAIL);
        MockHttpSession session = new MockHttpSession();

        // when the DPO searches by e-mail
        String page = mvc.perform(post("/subjects/search").param("kind", "email").param("value", EMAIL)
                        .session(session).with(AS_DPO).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 sign-in event(s)")))
                .andExpect(content().string(not(containsString(EMAIL))))
                .andReturn().getResponse().getContentAsString();
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]+)\"").matcher(page);
        assertThat(token.find()).isTrue();

        // then the access workbook is an audited attachment, never cached
        mvc.perform(post("/subjects/access").param("token", token.group(1)).param("candidate", "1")
                        .session(session).with(AS_DPO).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().stringValues("X-Content-Type-Options", "nosniff"))
                .andExpect(header().stringValues("Cache-Control", "no-store"));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'dpo-subjects'"
                + " and action = 'SUBJECT_ACCESS' and detail like '%sign-ins 1%'", Integer.class)).isOne();

        // an erasure needs its confirmation
        mvc.perform(post("/subjects/erase").param("token", token.group(1)).param("candidate", "1")
                .session(session).with(AS_DPO).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from sign_in where email = ?", Integer.class, EMAIL)).isOne();
        mvc.perform(post("/subjects/erase").param("token", token.group(1)).param("candidate", "1")
                .param("confirm", "true").session(session).with(AS_DPO).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from sign_in where email = ?", Integer.class, EMAIL)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'dpo-subjects'"
                + " and action = 'SUBJECT_ERASE'", Integer.class)).isOne();
    }

    @Test
    void operatorsHaveNoAccess() throws Exception {
        mvc.perform(get("/subjects").with(user("op-subjects").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/subjects").with(AS_DPO)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Data-subject requests")));
    }
}
