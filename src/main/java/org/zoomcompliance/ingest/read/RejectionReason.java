package org.zoomcompliance.ingest.read;

import java.util.function.UnaryOperator;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.Messages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Why a row or a file was set aside: a message key ({@code ingest.reason.*}) and its arguments, a JSON array of
 * numbers, strings (field names, the database's words) and reasons within the reason, stored and said the way a
 * deviation's evidence is (docs/evidence.md, docs/data-quality.md): each reader renders it in its language through
 * {@link EvidenceText}. The English text goes with it, for the logs, the reason file, what reads it back and a reader
 * of the table. A reason of no known shape (a failed job's message) has no key: its text is shown as recorded.
 */
public record RejectionReason(String key, String arguments, String text) {

    private static final EvidenceText ENGLISH = new EvidenceText(Messages.of(Messages.ENGLISH));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reason of a key; an argument is a whole number, a string, another reason or null. */
    public static RejectionReason of(String key, Object... arguments) {
        String json = JSON.writeValueAsString(array(arguments));
        return new RejectionReason(key, json, ENGLISH.render(key, json, null));
    }

    /** A reason of no known shape, shown as written. */
    public static RejectionReason text(String text) {
        return new RejectionReason(null, null, text);
    }

    /** A reason as recorded (its key and arguments null when it has none), or null when none is. */
    public static RejectionReason recorded(String key, String arguments, String text) {
        return key == null && text == null ? null : new RejectionReason(key, arguments, text);
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
    public RejectionReason sanitised(UnaryOperator<String> sanitiser) {
        if (key == null) {
            return text(sanitiser.apply(text));
        }
        String json = EvidenceText.replaceStrings(arguments, sanitiser);
        return new RejectionReason(key, json, ENGLISH.render(key, json, null));
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
            } else if (value instanceof RejectionReason reason) {
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
