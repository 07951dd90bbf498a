package org.zoomcompliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.support.Bundles;

/**
 * The console's two bundles hold the same keys, and every {@code #{key}} the templates use is in them; a key built
 * from a value ({@code #{'deviations.status.' + ${s}}}) counts as its prefix, whose keys must exist.
 */
class ConsoleKeysTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern KEY = Pattern.compile("#\\{'?([A-Za-z0-9_.-]+)");

    @Test
    void bothLanguagesHoldTheSameKeys() throws IOException {
        assertThat(Bundles.load("/console_fr.properties").stringPropertyNames())
                .isEqualTo(Bundles.load("/console.properties").stringPropertyNames());
    }

    @Test
    void everyKeyTheTemplatesUseIsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).as("keys found").contains("nav.deviations", "login.title", "deviations.status.");
        for (String bundle : new String[] {"/console.properties", "/console_fr.properties"}) {
            Set<String> keys = Bundles.load(bundle).stringPropertyNames();
            for (String key : used) {
                if (key.endsWith(".")) {
                    assertThat(keys).as(bundle + ": keys under " + key).anyMatch(k -> k.startsWith(key));
                } else {
                    assertThat(keys).as(bundle).contains(key);
                }
            }
        }
    }

}
