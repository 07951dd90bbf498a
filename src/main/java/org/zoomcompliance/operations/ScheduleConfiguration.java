package org.zoomcompliance.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.zoomcompliance.config.Policy;

/**
 * The built-in schedule: the nightly run and the monthly report (of the previous month) at the policy's cron
 * times in the institution's zone. It ticks only inside {@code serve} (the web application), unless
 * {@code zoom-compliance.schedule.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    /** Schedule names, as stored in {@code scheduled_run}. */
    public static final String NIGHTLY = "nightly";
    public static final String MONTHLY_REPORT = "monthly-report";

    @Bean
    JobScheduler jobScheduler(Policy policy, Clock clock, JobControl jobControl, JdbcTemplate jdbc) {
        List<JobScheduler.Schedule> schedules = List.of(
                new JobScheduler.Schedule(NIGHTLY, CronExpression.parse(policy.schedule().nightly()),
                        occurrence -> JobRequest.nightly(occurrence.toLocalDate())),
                new JobScheduler.Schedule(MONTHLY_REPORT, CronExpression.parse(policy.schedule().monthlyReport()),
                        occurrence -> JobRequest.report(YearMonth.from(occurrence).minusMonths(1))));
        return new JobScheduler(schedules, policy.zone(), clock, jobControl, jdbc);
    }

    @Bean(destroyMethod = "stop")
    @ConditionalOnWebApplication
    @ConditionalOnProperty(name = "zoom-compliance.schedule.enabled", havingValue = "true", matchIfMissing = true)
    ScheduleTicker scheduleTicker(JobScheduler scheduler) {
        return new ScheduleTicker(scheduler);
    }

    /** Runs the schedule at start (catching up) and every 30 seconds, on a thread of its own. */
    static final class ScheduleTicker {

        private static final Duration PERIOD = Duration.ofSeconds(30);
        private static final Logger log = LoggerFactory.getLogger(ScheduleTicker.class);

        private final JobScheduler scheduler;
        private final ThreadPoolTaskScheduler thread = new ThreadPoolTaskScheduler();

        ScheduleTicker(JobScheduler scheduler) {
            this.scheduler = scheduler;
            thread.setThreadNamePrefix("schedule-");
            thread.setErrorHandler(e -> log.error("schedule tick failed", e));
        }

        /** Starts once the application is ready, after stale executions were recovered. */
        @EventListener(ApplicationReadyEvent.class)
        public void start() {
            thread.initialize();
            thread.scheduleWithFixedDelay(scheduler::runDue, PERIOD);
        }

        void stop() {
            thread.shutdown();
        }
    }
}
