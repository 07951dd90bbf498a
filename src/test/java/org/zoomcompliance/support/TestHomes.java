package org.zoomcompliance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh home folders for tests, under target/ so that {@code mvn clean} removes them. */
public final class TestHomes {

    private TestHomes() {
    }

    public static Path newHome() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-homes"));
            return Files.createTempDirectory(parent.toAbsolutePath(), "home-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
