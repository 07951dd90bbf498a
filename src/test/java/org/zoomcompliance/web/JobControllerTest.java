package org.zoomcompliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;
import org.zoomcompliance.support.StandInJobs;
import org.zoomcompliance.support.WebIntegrationTest;

/** The operators' pages: executions, steps, restart, stop, start refusals, and the audit page. */
class JobControllerTest extends WebIntegrationTest {

    private static final RequestPostProcessor AS_OPERATOR = user("operator-web").roles("OPERATOR");

    @Autowired
    JobControl jobControl;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    StandInJobs.Gate gate;

    private JobExecution failedExecution(String key) {
        return jobControl.run(new JobRequest(StandInJobs.FLAKY, new JobParametersBuilder().addString("key", key)
                .toJobParameters()), "setup");
    }

    @Test
    void listsExecutionsWithStatusParametersCountsAndExitMessage() throws Exception {
        // given
        JobExecution failed = failedExecution("web-list");

        // when / then
        mvc.perform(get("/jobs").with(AS_OPERATOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"execution-" + failed.getId() + "\"")))
                .andExpect(content().string(containsString("key=web-list")))
                .andExpect(content().string(containsString("stand-in failure for web-list")))
                .andExpect(content().string(containsString("id=\"restart-" + failed.getId() + "\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/jobs/" + failed.getId()).with(AS_OPERATOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("standInFlakyStep")))
                .andExpect(content().string(containsString("FAILED")));
        mvc.perform(get("/jobs/987654321").with(AS_OPERATOR)).andExpect(status().isNotFound());
    }

    @Test
    void restartsAFailedExecutionInTheBackgroundAndAuditsIt() throws Exception {
        // given
        JobExecution failed = failedExecution("web-restart");

        // when
        mvc.perform(post("/jobs/" + failed.getId() + "/restart").with(AS_OPERATOR).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/jobs"))
                .andExpect(flash().attribute("message", "execution " + failed.getId() + " restarted"));

        // then
        await().atMost(Duration.ofSeconds(60)).until(() ->
                jobRepository.getLastJobExecution(failed.getJobInstance()).getStatus() == BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("select target from audit_event where actor = 'operator-web' and action = 'JOB_RESTART'",
                String.class)).isEqualTo(StandInJobs.FLAKY + " #" + failed.getId());
        mvc.perform(post("/jobs/" + failed.getId() + "/restart").with(AS_OPERATOR).with(csrf()))
                .andExpect(flash().attribute("error", containsString("already restarted")));
    }

    @Test
    void stopsARunningExecution() throws Exception {
        // given
        gate.close();
        jobControl.runInBackground(new JobRequest(StandInJobs.BLOCKING,
                new JobParametersBuilder().addString("key", "web-stop").toJobParameters()), "setup");
        assertThat(gate.awaitEntered()).isTrue();
        long id = jobRepository.findRunningJobExecutions(StandInJobs.BLOCKING).iterator().next().getId();

        // when
        mvc.perform(get("/jobs").with(AS_OPERATOR)).andExpect(content().string(containsString("id=\"stop-" + id + "\"")));
        mvc.perform(post("/jobs/" + id + "/stop").with(AS_OPERATOR).with(csrf()))
                .andExpect(redirectedUrl("/jobs/" + id))
                .andExpect(flash().attribute("message", "execution " + id + " asked to stop"));
        gate.open();

        // then
        await().atMost(Duration.ofSeconds(60)).until(() -> jobRepository.getJobExecution(id).getStatus() == BatchStatus.STOPPED);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'operator-web' and action = 'JOB_STOP'",
                Integer.class)).isEqualTo(1);
        mvc.perform(post("/jobs/" + id + "/stop").with(AS_OPERATOR).with(csrf()))
                .andExpect(flash().attribute("error", containsString("is not running")));
    }

    @Test
    void aStartThatCannotRunIsRefusedWithAClearMessage() throws Exception {
        // when / then: the inbox of the test home is empty
        mvc.perform(post("/jobs/start").param("job", "ingest").with(AS_OPERATOR).with(csrf()))
                .andExpect(redirectedUrl("/jobs"))
                .andExpect(flash().attribute("error", "the inbox is empty: nothing to ingest"));
    }

    @Test
    void theAuditPageShowsWhoDidWhat() throws Exception {
        // given
        jdbc.update("insert into audit_event (actor, action, target, sha256) values ('auditor', 'REPORT_DOWNLOAD',"
                + " 'report 2031-11 v1', repeat('c', 64))");

        // when / then
        mvc.perform(get("/audit").with(AS_OPERATOR))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("auditor")))
                .andExpect(content().string(containsString("report 2031-11 v1")))
                .andExpect(content().string(containsString("c".repeat(64))));
    }

    @Test
    void whileAJobRunsItsPagesRefreshItsCountsFromTheProgressEndpointAndStopOnceItEnded() throws Exception {
        // given a job held inside its step, whose step has read 42 rows so far
        gate.close();
        jobControl.runInBackground(new JobRequest(StandInJobs.BLOCKING,
                new JobParametersBuilder().addString("key", "web-progress").toJobParameters()), "setup");
        assertThat(gate.awaitEntered()).isTrue();
        JobExecution running = jobRepository.findRunningJobExecutions(StandInJobs.BLOCKING).iterator().next();
        long step = running.getStepExecutions().iterator().next().getId();
        jdbc.update("update batch_step_execution set read_count = 42 where step_execution_id = ?", step);

        // when / then the pages load the refresh script and mark what runs
        mvc.perform(get("/jobs").with(AS_OPERATOR))
                .andExpect(content().string(containsString("src=\"/js/refresh.js\"")))
                .andExpect(content().string(containsString("data-execution=\"" + running.getId() + "\" data-running=\"true\"")))
                .andExpect(content().string(containsString("data-progress-url=\"/jobs/progress\"")));
        mvc.perform(get("/jobs/" + running.getId()).with(AS_OPERATOR))
                .andExpect(content().string(containsString("src=\"/js/refresh.js\"")))
                .andExpect(content().string(containsString("id=\"step-" + step + "\"")));
        // and the endpoint gives the status and counts, the steps' too
        mvc.perform(get("/jobs/progress").param("ids", String.valueOf(running.getId())).with(AS_OPERATOR))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$[0].id").value(running.getId()))
                .andExpect(jsonPath("$[0].status").value("STARTED"))
                .andExpect(jsonPath("$[0].running").value(true))
                .andExpect(jsonPath("$[0].readCount").value(42))
                .andExpect(jsonPath("$[0].steps[0].id").value(step))
                .andExpect(jsonPath("$[0].steps[0].readCount").value(42));
        mvc.perform(get("/jobs/progress").param("ids", "1,x").with(AS_OPERATOR)).andExpect(status().isBadRequest());
        mvc.perform(get("/jobs/progress").param("ids", String.valueOf(running.getId())).with(user("dpo-web").roles("DPO")))
                .andExpect(status().isForbidden());

        // when it ends
        gate.open();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                jobRepository.getJobExecution(running.getId()).getStatus() == BatchStatus.COMPLETED);

        // then the endpoint says so, and its page no longer refreshes
        mvc.perform(get("/jobs/progress").param("ids", String.valueOf(running.getId())).with(AS_OPERATOR))
                .andExpect(jsonPath("$[0].status").value("COMPLETED"))
                .andExpect(jsonPath("$[0].running").value(false));
        mvc.perform(get("/jobs/" + running.getId()).with(AS_OPERATOR))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("refresh.js"))));
    }
}
