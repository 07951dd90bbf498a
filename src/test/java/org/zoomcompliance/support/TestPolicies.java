package org.zoomcompliance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.config.PolicyFile;

/** Policies for tests, written as a site writes them: a policy file over the defaults, read by {@link PolicyFile}. */
public final class TestPolicies {

    private TestPolicies() {
    }

    /** The defaults with {@code yaml}'s keys laid over them, e.g. {@code "institution: { language: fr }"}. */
    public static Policy of(String yaml) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-policies"));
            Path file = Files.createTempFile(parent.toAbsolutePath(), "policy-", ".yml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return PolicyFile.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
