package org.zoomcompliance.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.zoomcompliance.infrastructure.Messages;

/**
 * Why a rule was not evaluated for a month: the inputs it needs that are missing, each sentence a {@code rule-input.*}
 * key. The evaluation records it in English ({@code rule_evaluation.reason}, the language of the logs); the outputs
 * say it in the institution's language by reading the recorded sentences back to their inputs. A recorded reason of
 * another shape (an older build's wording) is shown as recorded.
 */
public final class NotEvaluatedReasons {

    private static final Messages ENGLISH = Messages.of(Messages.ENGLISH);
    /** Between the groups of a rule's inputs, each needed. */
    private static final String GROUPS = "; ";

    private NotEvaluatedReasons() {
    }

    /** The English reason for the missing groups of inputs, or null when none is missing. */
    static String of(List<List<RuleInput>> missingGroups) {
        return missingGroups.isEmpty() ? null : said(missingGroups, ENGLISH);
    }

    /** A recorded reason in the language of {@code messages}. */
    public static String say(String recorded, Messages messages) {
        if (recorded == null || messages.english()) {
            return recorded;
        }
        return inputs(recorded).map(groups -> said(groups, messages)).orElse(recorded);
    }

    private static String said(List<List<RuleInput>> groups, Messages messages) {
        List<String> said = new ArrayList<>();
        for (List<RuleInput> group : groups) {
            said.add(String.join(messages.get("rule-input.alternatives"),
                    group.stream().map(input -> messages.get(input.key())).toList()));
        }
        return messages.get("rule-input.reason", String.join(GROUPS, said));
    }

    /** The groups of inputs an English reason names, or empty when a sentence is not one of theirs. */
    private static Optional<List<List<RuleInput>>> inputs(String recorded) {
        String prefix = ENGLISH.get("rule-input.reason", "");
        if (!recorded.startsWith(prefix)) {
            return Optional.empty();
        }
        List<List<RuleInput>> groups = new ArrayList<>();
        for (String group : recorded.substring(prefix.length()).split(Pattern.quote(GROUPS), -1)) {
            List<RuleInput> inputs = new ArrayList<>();
            for (String sentence : group.split(Pattern.quote(ENGLISH.get("rule-input.alternatives")), -1)) {
                Optional<RuleInput> input = Arrays.stream(RuleInput.values())
                        .filter(candidate -> ENGLISH.get(candidate.key()).equals(sentence)).findFirst();
                if (input.isEmpty()) {
                    return Optional.empty();
                }
                inputs.add(input.get());
            }
            groups.add(inputs);
        }
        return Optional.of(groups);
    }
}
