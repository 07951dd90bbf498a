package org.zoomcompliance.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The rules, one SQL file per rule code in {@code org/zoomcompliance/policy/rules/}: adding a rule is adding a
 * file (and its code to default-policy.yml). Each file is a SELECT of subject, occurred_at, meeting_id, topic,
 * host_email, profile, evidence_key and evidence_args (a message key and its JSON arguments, never a sentence:
 * docs/evidence.md), with a {@code -- inputs:} line naming what it needs.
 */
final class RuleCatalogue {

    private static final String FOLDER = "classpath*:org/zoomcompliance/policy/rules/*.sql";
    private static final String INPUTS = "-- inputs:";

    private RuleCatalogue() {
    }

    /** The rules by code, checked against the policy's catalogue of codes. */
    static Map<String, Rule> load(Iterable<String> policyCodes) {
        Map<String, Rule> rules = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(FOLDER)) {
                String file = resource.getFilename();
                String code = file.substring(0, file.length() - ".sql".length());
                rules.put(code, parse(code, file, resource.getContentAsString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the rules folder cannot be read", e);
        }
        List<String> missing = new ArrayList<>();
        policyCodes.forEach(code -> {
            if (!rules.containsKey(code)) {
                missing.add(code);
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no rule file for " + missing);
        }
        // a rule file the policy does not list would never run, silently
        List<String> unlisted = new ArrayList<>(rules.keySet());
        policyCodes.forEach(unlisted::remove);
        if (!unlisted.isEmpty()) {
            throw new IllegalStateException("rule file(s) " + unlisted + " not listed in default-policy.yml's rules");
        }
        return Map.copyOf(rules);
    }

    private static Rule parse(String code, String file, String sql) {
        String line = sql.lines().filter(l -> l.startsWith(INPUTS)).findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " has no '" + INPUTS + "' line"));
        List<List<RuleInput>> inputs = Arrays.stream(line.substring(INPUTS.length()).split(";"))
                .map(group -> Arrays.stream(group.split("\\|")).map(name -> RuleInput.named(name, file)).toList())
                .toList();
        return new Rule(code, inputs, sql.strip());
    }
}
