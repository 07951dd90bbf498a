package org.zoomcompliance.infrastructure;

import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sentence written once and said in its reader's language: a message key of messages.properties and its
 * arguments, a JSON array of numbers, strings (field names, the database's words) and sentences within the
 * sentence, stored and said the way a deviation's evidence is (docs/evidence.md, docs/data-quality.md) through
 * {@link EvidenceText}. Why a row or a file was set aside ({@code ingest.reason.*}, stored) and why a job was refused
 * ({@code refusal.*}, carried by {@link JobRefusedException}) are sentences. The English text goes with it, for the
 * logs, stderr, the reason file and a reader of the table. A sentence of no known shape (a failed job's message) has
 * no key: its text is shown as recorded.
 */
public record Sentence(String key, String arguments, String text) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sentence of a key; an argument is a whole number, a string, another sentence or null. */
    public static Sentence of(String key, Object... arguments) {
        String json = JSON.writeValueAsString(array(arguments));
        return new Sentence(key, json, EvidenceText.english().render(key, json, null));
    }

    /** A sentence of no known shape, shown as written. */
    public static Sentence text(String text) {
        return new Sentence(null, null, text);
    }

    /** A reason as recorded (its key and arguments null when it has none), or null when none is. */
    public static Sentence recorded(String key, String arguments, String text) {
        return key == null && text == null ? null : new Sentence(key, arguments, text);
    }

    /** The English sentence: what the logs, the reason file and the table's text column hold. */
    public String english() {
        return text;
    }

    /** The sentence in a reader's language. */
    public String in(EvidenceText language) {
        return language.render(key, arguments, text);
    }

    /**
     * The same reason with every string in it passed through a sanitiser (addresses and e-mails pseudonymised at
     * the door), keys and numbers untouched.
     */
    public Sentence sanitised(UnaryOperator<String> sanitiser) {
        if (key == null) {
            return text(sanitiser.apply(text));
        }
        String json = EvidenceText.replaceStrings(arguments, sanitiser);
        return new Sentence(key, json, EvidenceText.english().render(key, json, null));
    }

    @Override
    public String toString() {
        return text;
    }

    private static ArrayNode array(Object[] values) {
        ArrayNode array = JSON.createArrayNode();
        for (Object value : values) {
            if (value == null) {
                array.addNull();
            } else if (value instanceof Sentence reason) {
                array.add(reason.part());
            } else if (value instanceof Long || value instanceof Integer) {
                array.add(((Number) value).longValue());
            } else if (value instanceof String string) {
                array.add(string);
            } else {
                throw new IllegalArgumentException("a reason's argument is a whole number, a text or a reason, not "
                        + value.getClass().getSimpleName());
            }
        }
        return array;
    }

    /** This reason inside another: {@code {"key": k, "args": [...]}}, or evidence.legacy around a text. */
    private ObjectNode part() {
        ObjectNode part = JSON.createObjectNode();
        if (key == null) {
            part.put("key", EvidenceText.LEGACY);
            part.set("args", JSON.createArrayNode().add(text));
        } else {
            part.put("key", key);
            JsonNode args = arguments == null ? JSON.createArrayNode() : JSON.readTree(arguments);
            part.set("args", args);
        }
        return part;
    }
}
