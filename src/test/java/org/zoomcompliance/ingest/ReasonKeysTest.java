package org.zoomcompliance.ingest;

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
 * Every reason key the code and the SQL name is in both bundles, and the bundles hold no reason key nothing names
 * (a sentence left behind when ingest changed). Keys are found as quoted literals, which is why no reason key is
 * built by concatenation (docs/data-quality.md).
 */
class ReasonKeysTest {

    private static final Pattern KEY = Pattern.compile(
            "[\"'](ingest\\.reason\\.[a-z0-9-]+|report\\.data-quality\\.reason\\.[a-z0-9-]+)[\"']");

    @Test
    void everyReasonKeyUsedIsInBothLanguagesAndNoneIsLeftOver() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String root : new String[] {"src/main/java", "src/main/resources"}) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                        .toList()) {
                    Matcher matcher = KEY.matcher(Files.readString(file));
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(used).as("keys found").contains("ingest.reason.empty-field", "ingest.reason.counted",
                "report.data-quality.reason.lines", "ingest.reason.nothing-ingested-rejected");

        Set<String> english = reasonKeys(Bundles.load("/messages.properties"));
        Set<String> french = reasonKeys(Bundles.load("/messages_fr.properties"));
        assertThat(english).as("keys used but not in messages.properties").containsAll(used);
        assertThat(french).as("keys used but not in messages_fr.properties").containsAll(used);
        assertThat(english).as("reason keys in the bundles that nothing names").isSubsetOf(used);
        assertThat(french).as("reason keys of the two bundles").isEqualTo(english);
    }

    private static Set<String> reasonKeys(Properties bundle) {
        Set<String> keys = new TreeSet<>();
        bundle.stringPropertyNames().stream().filter(k -> KEY.matcher("'" + k + "'").matches()).forEach(keys::add);
        return keys;
    }
}
