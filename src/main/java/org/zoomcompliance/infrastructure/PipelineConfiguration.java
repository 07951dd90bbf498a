package org.zoomcompliance.infrastructure;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The values every capability shares: the home folder and the clock. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    @Bean
    HomeFolder homeFolder(@Value("${" + HomeFolder.PROPERTY + ":}") String home) {
        return HomeFolder.resolve(home).create();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
