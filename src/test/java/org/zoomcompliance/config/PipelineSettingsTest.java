package org.zoomcompliance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The operational knobs are bound by Boot with their defaults, and a mistyped one stops start-up naming its key. */
class PipelineSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PipelineSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void everyKnobHasItsDefault() {
        context.run(started -> {
            PipelineSettings settings = started.getBean(PipelineSettings.class);
            assertThat(settings.ingest()).isEqualTo(new PipelineSettings.Ingest(2, 1000, 10_000, 1_048_576,
                    Duration.ofSeconds(10)));
            assertThat(settings.retention().batchSize()).isEqualTo(10_000);
            assertThat(settings.report().maxRowsPerSheet()).isEqualTo(1_048_576);
            assertThat(settings.console().refreshInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(settings.console().stuckAfter()).isEqualTo(Duration.ofHours(1));
            assertThat(settings.console().signIn()).isEqualTo(new PipelineSettings.SignIn(5, Duration.ofSeconds(1),
                    Duration.ofMinutes(15)));
            assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(60));
        });
    }

    @Test
    void aKnobSetIsBound() {
        context.withPropertyValues("zoom-compliance.ingest.files-in-parallel=4",
                "zoom-compliance.console.sign-in.lockout=1h").run(started -> {
                    PipelineSettings settings = started.getBean(PipelineSettings.class);
                    assertThat(settings.ingest().filesInParallel()).isEqualTo(4);
                    assertThat(settings.console().signIn().lockout()).isEqualTo(Duration.ofHours(1));
                });
    }

    @Test
    void anOutOfRangeKnobStopsStartUpNamingIt() {
        context.withPropertyValues("zoom-compliance.ingest.files-in-parallel=0").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("zoom-compliance").hasMessageContaining("ingest.filesInParallel")
                        .hasMessageContaining("rejected value [0]"));
        context.withPropertyValues("zoom-compliance.console.sign-in.delay=2h").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("delay must be positive and lockout at least as long"));
    }
}
