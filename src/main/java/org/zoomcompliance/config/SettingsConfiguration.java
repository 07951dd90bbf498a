package org.zoomcompliance.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every capability reads: the home folder, the policy (the home's, unless one run names another) and the operational settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipelineSettings.class)
class SettingsConfiguration {

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
}
