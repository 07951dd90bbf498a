package org.zoomcompliance.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.zoomcompliance.infrastructure.Messages;

/**
 * Why a rule was not evaluated for a month: the inputs it needs that are missing. The evaluation records it in
 * English ({@code rule_evaluation.reason}, the language of the logs), built here from {@link RuleInput}'s sentences;
 * the outputs say it in the institution's language through the {@code rule-input.*} keys. A recorded reason of
 * another shape (an older build's) is shown as recorded.
 */
public final class NotEvaluatedReasons {

    private static final String PREFIX = "not evaluated: ";
    /** Between the groups of a rule's inputs, each needed. */
    private static final String GROUPS = "; ";
    /** Between the inputs of one group, any of which would do. */
    private static final String ALTERNATIVES = ", nor ";

    private NotEvaluatedReasons() {
    }

    /** The English reason for the missing groups of inputs, or null when none is missing. */
    static String of(List<List<RuleInput>> missingGroups) {
        if (missingGroups.isEmpty()) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        for (List<RuleInput> group : missingGroups) {
            groups.add(String.join(ALTERNATIVES, group.stream().map(RuleInput::missing).toList()));
        }
        return PREFIX + String.join(GROUPS, groups);
    }

    /** A recorded reason in the language of {@code messages}. */
    public static String say(String recorded, Messages messages) {
        if (recorded == null || Messages.ENGLISH.equals(messages.locale().getLanguage())
                || !recorded.startsWith(PREFIX)) {
            return recorded;
        }
        List<String> groups = new ArrayList<>();
        for (String group : recorded.substring(PREFIX.length()).split(GROUPS, -1)) {
            List<String> inputs = new ArrayList<>();
            for (String sentence : group.split(ALTERNATIVES, -1)) {
                Optional<RuleInput> input = Arrays.stream(RuleInput.values())
                        .filter(candidate -> candidate.missing().equals(sentence)).findFirst();
                if (input.isEmpty()) {
                    return recorded;
                }
                inputs.add(messages.get("rule-input." + input.get().name().toLowerCase(Locale.ROOT)));
            }
            groups.add(String.join(messages.get("rule-input.alternatives"), inputs));
        }
        return messages.get("rule-input.reason", String.join(GROUPS, groups));
    }
}
