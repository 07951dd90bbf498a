package org.zoomcompliance.infrastructure;

import java.util.Arrays;
import java.util.List;

/**
 * A sentence kept as its key in {@code messages.properties} and its arguments, so that it is written once and said
 * in whichever language its reader reads: English for the logs and the command line's stderr, the console user's
 * language on a page. An argument that is itself a sentence is said in the same language.
 */
public record Sentence(String key, List<Object> arguments) {

    public Sentence {
        arguments = List.copyOf(arguments);
    }

    public static Sentence of(String key, Object... arguments) {
        return new Sentence(key, Arrays.asList(arguments));
    }

    /** The sentence in the language of {@code messages}. */
    public String in(Messages messages) {
        Object[] said = arguments.stream()
                .map(argument -> argument instanceof Sentence sentence ? sentence.in(messages) : argument)
                .toArray();
        return messages.get(key, said);
    }
}
