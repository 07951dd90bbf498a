package org.zoomcompliance.infrastructure;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zoomcompliance.policy.LoadedPolicy;
import org.zoomcompliance.policy.Policy;
import org.zoomcompliance.policy.PolicyFile;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;

/** The values every capability shares: home folder, policy (the home's, unless one run names another), key store and clock. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    @Bean
    HomeFolder homeFolder(@Value("${" + HomeFolder.PROPERTY + ":}") String home) {
        return HomeFolder.resolve(home).create();
    }

    @Bean
    LoadedPolicy loadedPolicy(@Value("${" + PolicyFile.PROPERTY + ":}") String policyFile, HomeFolder home) {
        return PolicyFile.resolve(policyFile, home.policyFile());
    }

    @Bean
    Policy policy(LoadedPolicy loadedPolicy) {
        return loadedPolicy.policy();
    }

    @Bean
    PseudonymKeyStore pseudonymKeyStore(HomeFolder home) {
        return PseudonymKeyStore.of(home.keys());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
