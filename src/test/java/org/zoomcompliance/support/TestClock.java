package org.zoomcompliance.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The application's clock in tests: the night after the sample month, running, whatever day the suite runs. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    @Bean
    @Primary
    Clock testClock() {
        return TestClocks.afterSampleMonth();
    }
}
