package org.zoomcompliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.sql.Date;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.zoomcompliance.config.PolicyFile;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;
import org.zoomcompliance.support.EvaluatedMonths;
import org.zoomcompliance.support.StandInJobs;
import org.zoomcompliance.support.WebIntegrationTest;

/**
 * The console speaks the institution's language (here French) until the user asks for the other one with {@code
 * ?lang=}, which a cookie remembers; a language the console does not speak is ignored.
 */
@TestPropertySource(properties = PolicyFile.PROPERTY + "=src/test/resources/policies/french.yml")
class ConsoleLanguageTest extends WebIntegrationTest {

    private static final RequestPostProcessor AS_DPO = user(DPO).roles("DPO");
    private static final RequestPostProcessor AS_OPERATOR = user(OPERATOR).roles("OPERATOR");

    @Autowired
    JobControl jobControl;

    @Autowired
    JobRepository jobRepository;

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
    void theOperatorsPagesAndTheirMessagesAreInFrench() throws Exception {
        // given a failed run of a job
        JobExecution failed = jobControl.run(new JobRequest(StandInJobs.FLAKY, new JobParametersBuilder()
                .addString("key", "fr-pages").toJobParameters()), "setup");

        // when the operator opens Home, Jobs and the execution, then they read French
        mvc.perform(get("/").with(AS_OPERATOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Accueil · zoom-compliance</title>")))
                .andExpect(content().string(containsString(">Dernière exécution nocturne</h2>")))
                .andExpect(content().string(containsString("L’exécution nocturne n’a pas encore eu lieu.")))
                .andExpect(content().string(containsString(">Tâches en échec ou bloquées</h2>")))
                .andExpect(content().string(containsString("exécution(s) en échec et non relancée(s), ou en cours sans progrès")))
                .andExpect(content().string(containsString(">Fichiers mis en quarantaine ces 7 derniers jours</h2>")));
        mvc.perform(get("/jobs").with(AS_OPERATOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Tâches</h1>")))
                .andExpect(content().string(containsString(">Lancer une tâche</h2>")))
                .andExpect(content().string(containsString(">Ingérer la boîte de réception</button>")))
                .andExpect(content().string(containsString(">Début (Europe/Paris)</th>")))
                .andExpect(content().string(containsString(">Message de fin</th>")))
                .andExpect(content().string(containsString(">Relancer</button>")));
        mvc.perform(get("/jobs/" + failed.getId()).with(AS_OPERATOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Exécution " + failed.getId() + " de standInFlakyJob</h1>")))
                .andExpect(content().string(containsString(">Code de fin</th>")))
                .andExpect(content().string(containsString(">Étapes</h2>")))
                .andExpect(content().string(containsString(">Abandonner (ne jamais relancer)</button>")))
                .andExpect(content().string(containsString("data-field=\"status\">EN ÉCHEC</span>")));
        // and the progress a running page refreshes from gives the status's label in the page's language
        mvc.perform(get("/jobs/progress").param("ids", String.valueOf(failed.getId())).with(AS_OPERATOR))
                .andExpect(jsonPath("$[0].status").value("FAILED"))
                .andExpect(jsonPath("$[0].label").value("EN ÉCHEC"));

        // and what an action answers is French too
        mvc.perform(post("/jobs/" + failed.getId() + "/restart").with(AS_OPERATOR).with(csrf()))
                .andExpect(flash().attribute("message", "exécution " + failed.getId() + " relancée"));
        // a refusal too, once the restart (run in the background) has ended: the same execution is not restarted twice
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !jobRepository.getLastJobExecution(failed.getJobInstance()).getStatus().isRunning()
                        && jobRepository.getLastJobExecution(failed.getJobInstance()).getId() != failed.getId());
        mvc.perform(post("/jobs/" + failed.getId() + "/restart").with(AS_OPERATOR).with(csrf()))
                .andExpect(flash().attribute("error", startsWith("l’exécution " + failed.getId()
                        + " de standInFlakyJob a déjà été relancée sous le n° ")));
    }

    @Test
    void evidenceAndTheExportsHeaderFollowTheReadersLanguage() throws Exception {
        // given a deviation whose evidence is a key and its arguments
        Date month = Date.valueOf("2031-06-01");
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, evidence, evidence_key,"
                + " evidence_args) values (?, 'RECORDING_RETENTION_EXCEEDED', 'recording fr', 'MEDIUM', 'NEW', 'old',"
                + " 'evidence.RECORDING_RETENTION_EXCEEDED', '[\"2031-01-10\", 80, \"2031-03-31\", 30, \"MEETING\", 50]'::jsonb)",
                month);
        EvaluatedMonths.mark(jdbc, YearMonth.of(2031, 6));
        try {
            pageAndExport();
        } finally {
            // the other tests see a console where no month is evaluated
            jdbc.update("delete from deviation where month = ?", month);
            jdbc.update("delete from month_facts where month = ?", month);
        }
    }

    private void pageAndExport() throws Exception {
        // (French writes the dates as a French reader reads them)
        String french = "enregistré le 10/01/2031, âgé de 80 jours le 31/03/2031, limite 30 jours (MEETING), 50 jours"
                + " de dépassement";
        String english = "recorded 2031-01-10, 80 days old on 2031-03-31, limit 30 days (MEETING), 50 days overdue";

        // when / then the page and the CSV speak French, header included
        mvc.perform(get("/deviations").param("month", "2031-06").with(AS_DPO))
                .andExpect(content().string(containsString(french)));
        mvc.perform(get("/deviations/export.csv").param("month", "2031-06").with(AS_DPO))
                .andExpect(content().string(startsWith("\uFEFF\"Mois\",\"Règle\",\"Gravité\",\"Statut\","
                        + "\"Survenu (Europe/Paris)\",\"ID de réunion\",\"Sujet\",\"Organisateur\",\"Profil\",\"Constat\"\r\n")))
                .andExpect(content().string(containsString("\"" + french + "\"")));

        // and in English once the reader switched
        mvc.perform(get("/deviations/export.csv").param("month", "2031-06").param("lang", "en").with(AS_DPO))
                .andExpect(content().string(startsWith("\uFEFF\"Month\",\"Rule\",\"Severity\",\"Status\","
                        + "\"Occurred (Europe/Paris)\",\"Meeting ID\",\"Topic\",\"Host\",\"Profile\",\"Evidence\"\r\n")))
                .andExpect(content().string(containsString("\"" + english + "\"")));
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
