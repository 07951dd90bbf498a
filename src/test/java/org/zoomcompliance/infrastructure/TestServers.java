package org.zoomcompliance.infrastructure;

import java.nio.file.Path;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.support.TestHomes;

/** Embedded servers for the infrastructure tests: fresh homes, the suite's shared binaries, as the build sets them. */
final class TestServers {

    private TestServers() {
    }

    static HomeFolder newHome() {
        return HomeFolder.resolve(TestHomes.newHome().toString()).create();
    }

    /** The options the suite's environment gives every application it starts (see the surefire set-up in pom.xml). */
    static EmbeddedPostgresServer.Options suiteOptions() {
        String binaries = System.getenv("ZOOM_COMPLIANCE_DATABASE_BINARIES");
        return new EmbeddedPostgresServer.Options(
                binaries == null ? Path.of("target", "postgres-binaries").toAbsolutePath() : Path.of(binaries), true);
    }

    static EmbeddedPostgresServer open(HomeFolder home) throws Exception {
        return EmbeddedPostgresServer.open(home, suiteOptions());
    }
}
