package org.zoomcompliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.zoomcompliance.config.PolicyFile;
import org.zoomcompliance.support.WebIntegrationTest;

/**
 * The console speaks the institution's language (here French) until the user asks for the other one with {@code
 * ?lang=}, which a cookie remembers; a language the console does not speak is ignored.
 */
@TestPropertySource(properties = PolicyFile.PROPERTY + "=src/test/resources/policies/french.yml")
class ConsoleLanguageTest extends WebIntegrationTest {

    private static final RequestPostProcessor AS_DPO = user(DPO).roles("DPO");

    @Test
    void theInstitutionsLanguageFirstThenTheUsersChoiceKeptByItsCookie() throws Exception {
        // given institution.language: fr
        // when the DPO opens the Deviations page, then it is in French
        mvc.perform(get("/deviations").with(AS_DPO))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"fr\"")))
                .andExpect(content().string(containsString("<title>Écarts · zoom-compliance</title>")))
                .andExpect(content().string(containsString("Aucun mois n’a encore été évalué.")))
                .andExpect(content().string(containsString(">Journal d’audit</a>")))
                .andExpect(content().string(containsString("href=\"/deviations?lang=en\"")));

        // when they switch to English, then the page is in English and a cookie remembers it
        MvcResult english = mvc.perform(get("/deviations?lang=en").with(AS_DPO))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andExpect(content().string(containsString("No month has been evaluated yet.")))
                .andExpect(cookie().value(ConsoleLanguage.COOKIE, "en"))
                .andExpect(cookie().httpOnly(ConsoleLanguage.COOKIE, true))
                .andExpect(cookie().path(ConsoleLanguage.COOKIE, "/"))
                .andExpect(cookie().sameSite(ConsoleLanguage.COOKIE, "Lax"))
                .andReturn();
        Cookie remembered = english.getResponse().getCookie(ConsoleLanguage.COOKIE);

        // and the next page, with the cookie, is English too
        mvc.perform(get("/reports").with(AS_DPO).cookie(remembered))
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andExpect(content().string(containsString(">Deviations</a>")))
                .andExpect(content().string(containsString("href=\"/reports?lang=fr\"")));
    }

    @Test
    void aLanguageTheConsoleDoesNotSpeakIsIgnored() throws Exception {
        for (String unknown : new String[] {"xx", "de", "<script>", "fr_FR/x"}) {
            MvcResult result = mvc.perform(get("/deviations").param("lang", unknown).with(AS_DPO))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("lang=\"fr\"")))
                    .andExpect(content().string(containsString("Aucun mois n’a encore été évalué.")))
                    .andExpect(content().string(not(containsString("<script>"))))
                    .andReturn();
            assertThat(result.getResponse().getCookie(ConsoleLanguage.COOKIE)).as(unknown).isNull();
        }
        // a cookie altered by hand is ignored too
        mvc.perform(get("/deviations").with(AS_DPO).cookie(new Cookie(ConsoleLanguage.COOKIE, "xx")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"fr\"")));
    }

    @Test
    void theSignInPageSwitchesToo() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("<h1>Connexion</h1>")))
                .andExpect(content().string(containsString("href=\"/login?lang=en\"")));
        mvc.perform(get("/login?lang=en"))
                .andExpect(content().string(containsString("<h1>Sign in</h1>")));
    }
}
