package org.zoomcompliance.pseudonymisation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zoomcompliance.config.HomeFolder;

/** The key store of the home's pseudonymisation keys. */
@Configuration(proxyBeanMethods = false)
class PseudonymisationConfiguration {

    @Bean
    PseudonymKeyStore pseudonymKeyStore(HomeFolder home) {
        return PseudonymKeyStore.of(home.keys());
    }
}
