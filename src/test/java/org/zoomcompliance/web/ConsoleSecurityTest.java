package org.zoomcompliance.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.zoomcompliance.support.WebIntegrationTest;

/** The console's access rules: deny by default, roles, sign-in, CSRF, strict parameters, actuator. */
class ConsoleSecurityTest extends WebIntegrationTest {

    private static final RequestPostProcessor AS_DPO = user(DPO).roles("DPO");
    private static final RequestPostProcessor AS_OPERATOR = user(OPERATOR).roles("OPERATOR");

    @ParameterizedTest
    @ValueSource(strings = {"/", "/reports", "/reports/1/download", "/deviations", "/deviations/export.csv?month=2026-10", "/jobs", "/jobs/1", "/audit"})
    void anonymousVisitorsAreSentToSignIn(String page) throws Exception {
        // when / then
        mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anonymousVisitorsSeeOnlyTheSignInPageTheStyleSheetAndHealth() throws Exception {
        // when / then
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/css/console.css")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(content().string(containsString("UP")));
        mvc.perform(get("/actuator")).andExpect(status().isFound());
        mvc.perform(get("/actuator/env")).andExpect(status().isFound());
    }

    @Test
    void signInChecksTheBcryptHashAndTheRole() throws Exception {
        // when / then
        mvc.perform(formLogin("/login").user(DPO).password(DPO_PASSWORD))
                .andExpect(authenticated().withUsername(DPO).withRoles("DPO"));
        mvc.perform(formLogin("/login").user(OPERATOR).password(OPERATOR_PASSWORD))
                .andExpect(authenticated().withUsername(OPERATOR).withRoles("OPERATOR"));
        mvc.perform(formLogin("/login").user(DPO).password("wrong"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theDpoSeesReportsButNotJobs() throws Exception {
        // when / then
        mvc.perform(get("/reports").with(AS_DPO)).andExpect(status().isOk());
        mvc.perform(get("/deviations").with(AS_DPO)).andExpect(status().isOk());
        mvc.perform(get("/audit").with(AS_DPO)).andExpect(status().isOk());
        mvc.perform(get("/").with(AS_DPO)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Monthly reports")))
                .andExpect(content().string(not(containsString("href=\"/jobs\""))));
        mvc.perform(get("/jobs").with(AS_DPO)).andExpect(status().isForbidden());
        mvc.perform(post("/jobs/1/restart").with(AS_DPO).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void theOperatorSeesJobsButNotReports() throws Exception {
        // when / then
        mvc.perform(get("/jobs").with(AS_OPERATOR)).andExpect(status().isOk());
        mvc.perform(get("/audit").with(AS_OPERATOR)).andExpect(status().isOk());
        mvc.perform(get("/reports").with(AS_OPERATOR)).andExpect(status().isForbidden());
        mvc.perform(get("/reports/1/download").with(AS_OPERATOR)).andExpect(status().isForbidden());
        mvc.perform(get("/deviations").with(AS_OPERATOR)).andExpect(status().isForbidden());
        mvc.perform(get("/deviations/export.csv").param("month", "2026-10").with(AS_OPERATOR)).andExpect(status().isForbidden());
    }

    @Test
    void anUnknownAddressIsNotFoundAndTheActuatorStaysClosed() throws Exception {
        // when / then (the page it shows: ConsoleHardeningTest, through a real server)
        mvc.perform(get("/anything").with(AS_DPO)).andExpect(status().isNotFound());
        mvc.perform(get("/jobs/1/nothing-here").with(AS_OPERATOR)).andExpect(status().isNotFound());
        mvc.perform(get("/anything")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/actuator/env").with(user("both").roles("DPO", "OPERATOR"))).andExpect(status().isForbidden());
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        // when / then
        mvc.perform(post("/jobs/start").param("job", "evaluate").param("month", "2031-01").with(AS_OPERATOR))
                .andExpect(status().isForbidden());
        mvc.perform(post("/jobs/1/stop").with(AS_OPERATOR)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(AS_DPO)).andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/reports/abc/download", "/reports/-1/download", "/reports/1234567890123456789/download",
        "/jobs/1%3Cscript%3E", "/deviations?month=2026-13", "/deviations?month=<script>alert(1)</script>",
        "/deviations?month=2026-10&rule=x'or'1", "/deviations?month=2026-10&severity=SEVERE",
        "/deviations?month=2026-10&host=x'or'1", "/deviations?month=2026-10&host=%25", "/deviations?month=2026-10&page=0",
        "/deviations?month=2026-10&status=x'or'1", "/deviations?month=2026-10&meeting=1'or'1",
        "/deviations/export.csv?month=2026-10&host=x'or'1"})
    void forgedIdsAndMonthsGetA400ThatDoesNotRepeatThem(String url) throws Exception {
        // when / then
        RequestPostProcessor who = url.startsWith("/jobs") ? AS_OPERATOR : AS_DPO;
        mvc.perform(get(url).with(who))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(not(containsString("'or'"))));
    }

    @Test
    void forgedFormValuesGetA400() throws Exception {
        // when / then
        mvc.perform(post("/jobs/start").param("job", "evaluate").param("month", "2031-1").with(AS_OPERATOR).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/jobs/start").param("job", "retention").param("date", "2031-02-30").with(AS_OPERATOR).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/jobs/start").param("job", "rm -rf").with(AS_OPERATOR).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/jobs/x/restart").with(AS_OPERATOR).with(csrf())).andExpect(status().isBadRequest());
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        // when / then
        mvc.perform(get("/reports").with(AS_DPO))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")));
    }
}
