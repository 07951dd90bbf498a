package org.zoomcompliance.infrastructure;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A deviation's evidence, stored as a message key and its arguments (a JSON array of values: numbers, ISO dates,
 * versions, names of data centres, pseudonymous identifiers), rendered in the institution's language. One renderer
 * for the workbook, the console and the subject access workbook, so a sentence reads the same everywhere. Numbers
 * are formatted by the bundle's MessageFormat for the locale; a {@code yyyy-MM-dd} string is a date, written in the
 * locale's medium style. A row without a key (written before keys existed) shows its stored text.
 */
public final class EvidenceText {

    /** The key of a sentence kept as it was written before evidence had keys: its one argument is the text. */
    public static final String LEGACY = "evidence.legacy";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Messages messages;
    private final DateTimeFormatter dates;

    public EvidenceText(Messages messages) {
        this.messages = messages;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale());
    }

    /** The sentence of a key and its arguments; the stored text when there is no key. */
    public String render(String key, String arguments, String storedText) {
        if (key == null) {
            return storedText;
        }
        if (key.equals(LEGACY)) {
            JsonNode text = JSON.readTree(arguments).get(0);
            return text == null || text.isNull() ? storedText : text.asString(); // as written, never re-formatted
        }
        return messages.get(key, values(arguments));
    }

    private Object[] values(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return new Object[0];
        }
        JsonNode array = JSON.readTree(arguments);
        List<Object> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value(value));
        }
        return values.toArray();
    }

    private Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        String text = node.asString();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return dates.format(LocalDate.parse(text));
        }
        return text;
    }
}
