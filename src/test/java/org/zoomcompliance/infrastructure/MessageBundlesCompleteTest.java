package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.support.Bundles;

/**
 * Both bundles hold the same keys, each French text takes the same placeholders as its English one, and every
 * pattern parses: a text missing in one language would otherwise show in the other (Messages falls back to English).
 */
class MessageBundlesCompleteTest {

    @Test
    void everyKeyInBothLanguages() throws IOException {
        Properties en = Bundles.load("/messages.properties");
        Properties fr = Bundles.load("/messages_fr.properties");
        assertThat(fr.stringPropertyNames()).as("keys in English but not in French")
                .containsAll(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).as("keys in French but not in English")
                .containsAll(fr.stringPropertyNames());
    }

    @Test
    void placeholdersAgree() throws IOException {
        Properties en = Bundles.load("/messages.properties");
        Properties fr = Bundles.load("/messages_fr.properties");
        Map<String, String> disagreeing = new TreeMap<>();
        for (String key : en.stringPropertyNames()) {
            if (fr.containsKey(key)) {
                String a = placeholders(en.getProperty(key));
                String b = placeholders(fr.getProperty(key));
                if (!a.equals(b)) {
                    disagreeing.put(key, "en " + a + " fr " + b);
                }
            }
        }
        assertThat(disagreeing).as("keys whose placeholders differ between en and fr").isEmpty();
    }

    /** The argument indexes a pattern uses, e.g. "[0, 1]"; MessageFormat refuses a malformed pattern. */
    private static String placeholders(String pattern) {
        new MessageFormat(pattern);
        return Pattern.compile("\\{(\\d+)[},]").matcher(pattern).results().map(m -> Integer.valueOf(m.group(1)))
                .collect(Collectors.toCollection(TreeSet::new)).toString();
    }

}
