package org.zoomcompliance.faults;

import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.zoomcompliance.ZoomComplianceApplication;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.support.TestClocks;

/** The application started in the test's JVM on a home of its own, as the operator's next command would. */
final class Applications {

    private Applications() {
    }

    static ConfigurableApplicationContext start(Path home, String... properties) {
        return new SpringApplicationBuilder(ZoomComplianceApplication.class)
                .web(WebApplicationType.NONE)
                .properties(HomeFolder.PROPERTY + "=" + home)
                .properties(properties)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", TestClocks.afterSampleMonth()))
                .run();
    }
}
