package org.zoomcompliance.policy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zoomcompliance.infrastructure.HomeFolder;

/** The policy every capability reads: the home's, unless one run names another. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    LoadedPolicy loadedPolicy(@Value("${" + PolicyFile.PROPERTY + ":}") String policyFile, HomeFolder home) {
        return PolicyFile.resolve(policyFile, home.policyFile());
    }

    @Bean
    Policy policy(LoadedPolicy loadedPolicy) {
        return loadedPolicy.policy();
    }
}
