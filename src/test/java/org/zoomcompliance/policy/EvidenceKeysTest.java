package org.zoomcompliance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.support.Bundles;

/**
 * Every evidence key a rule can emit, and every one the code names, is in both bundles; each rule's own keys start
 * with its code; and the bundles hold no evidence key nothing emits (a sentence left behind when a rule changed).
 * Keys are found as quoted literals ({@code 'evidence.X'} in the rule SQL, {@code "evidence.X"} in the code), which
 * is why no rule builds a key by concatenation.
 */
class EvidenceKeysTest {

    private static final Pattern SQL_KEY = Pattern.compile("'(evidence\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])'");
    private static final Pattern JAVA_KEY = Pattern.compile("[\"'](evidence\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])[\"']");
    private static final Pattern RULE_CODE = Pattern.compile("[A-Z][A-Z_]+");

    @Test
    void everyKeyTheRulesAndTheCodeUseIsInBothLanguages() throws IOException {
        Map<String, Set<String>> byRule = ruleKeys();
        Set<String> used = new TreeSet<>();
        byRule.values().forEach(used::addAll);
        used.addAll(codeKeys());
        assertThat(byRule).as("rule files read").hasSize(15);
        assertThat(used).as("keys found").contains("evidence.resolved", "evidence.format.date",
                "evidence.separator.and", "evidence.ACCOUNT_INACTIVE", "evidence.quoted");

        Set<String> english = evidenceKeys(Bundles.load("/messages.properties"));
        Set<String> french = evidenceKeys(Bundles.load("/messages_fr.properties"));
        assertThat(english).as("keys used but not in messages.properties").containsAll(used);
        assertThat(french).as("keys used but not in messages_fr.properties").containsAll(used);
        assertThat(french).as("evidence keys of the two bundles").isEqualTo(english);
        assertThat(new TreeSet<>(english)).as("keys in the bundles that nothing emits").isSubsetOf(used);
    }

    @Test
    void eachRuleEmitsItsOwnSentenceAndOnlySharedKeysOfOthers() throws IOException {
        ruleKeys().forEach((code, keys) -> {
            assertThat(keys).as(code).anyMatch(key -> key.equals("evidence." + code)
                    || key.startsWith("evidence." + code + "."));
            for (String key : keys) {
                String second = key.split("\\.")[1];
                if (RULE_CODE.matcher(second).matches()) {
                    assertThat(second).as("a rule code in a key of %s", code).isEqualTo(code);
                }
            }
        });
    }

    /** The evidence keys of each rule file, by rule code. */
    private static Map<String, Set<String>> ruleKeys() throws IOException {
        Map<String, Set<String>> keys = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:org/zoomcompliance/policy/rules/*.sql")) {
            String file = resource.getFilename();
            keys.put(file.substring(0, file.length() - ".sql".length()),
                    matches(SQL_KEY, resource.getContentAsString(StandardCharsets.UTF_8)));
        }
        return keys;
    }

    /** The evidence keys the Java code names (the resolved sentence, the formats and separators). */
    private static Set<String> codeKeys() throws IOException {
        Set<String> keys = new TreeSet<>(EvidenceText.JOINS.values());
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                keys.addAll(matches(JAVA_KEY, Files.readString(file)));
            }
        }
        return keys;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> evidenceKeys(Properties bundle) {
        Set<String> keys = new TreeSet<>();
        bundle.stringPropertyNames().stream().filter(k -> k.startsWith(EvidenceText.PREFIX)).forEach(keys::add);
        return keys;
    }

}
