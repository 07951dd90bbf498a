package org.zoomcompliance.infrastructure;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A deviation's evidence, stored as a message key and its arguments (a JSON array of values: numbers, ISO dates,
 * versions, names of data centres, pseudonymous identifiers), rendered in the institution's language. One renderer
 * for the workbook, the console and the CSV export, so a sentence reads the same everywhere (docs/evidence.md).
 * <p>
 * An argument is a number (formatted by the bundle's MessageFormat for the locale), a string ({@code yyyy-MM-dd} is a
 * date, {@code yyyy-MM-dd HH:mm} a local date and time, {@code yyyy-MM} a month, each written with the bundle's
 * {@code evidence.format.*} pattern; anything else as written), null (nothing), or a part of a sentence that
 * varies in shape: an object {@code {"key": k, "args": [...]}} is that key's sentence, an array is a list (", "),
 * an object {@code {"join": "clause" | "and", "items": [...]}} a list joined by "; " or " and " (per language). Null
 * items of a list are left out. A row without a key (written before keys existed) shows its stored text.
 */
public final class EvidenceText {

    /** The key of a sentence kept as it was written before evidence had keys: its one argument is the text. */
    public static final String LEGACY = "evidence.legacy";

    /** Where the rules' keys start: every key a rule emits is {@code evidence.<RULE_CODE>} or below it. */
    public static final String PREFIX = "evidence.";

    /** How a list argument's items are joined ({@code "join"}), by the separator's key. */
    public static final Map<String, String> JOINS = Map.of("list", "evidence.separator.list",
            "clause", "evidence.separator.clause", "and", "evidence.separator.and");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final Messages messages;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter dateTimes;
    private final DateTimeFormatter months;

    private static final EvidenceText ENGLISH = new EvidenceText(Messages.of(Messages.ENGLISH));
    private static final EvidenceText FRENCH = new EvidenceText(Messages.of(Messages.FRENCH));

    /** The renderer of a language code (en, fr), shared: it holds no state but its bundle and formats. */
    public static EvidenceText of(String language) {
        return Messages.FRENCH.equals(language) ? FRENCH : Messages.ENGLISH.equals(language) ? ENGLISH
                : new EvidenceText(Messages.of(language));
    }

    /** English: what the logs, stderr and the stored text columns hold. */
    public static EvidenceText english() {
        return ENGLISH;
    }

    public EvidenceText(Messages messages) {
        this.messages = messages;
        this.dates = DateTimeFormatter.ofPattern(messages.get("evidence.format.date"), messages.locale());
        this.dateTimes = DateTimeFormatter.ofPattern(messages.get("evidence.format.date-time"), messages.locale());
        this.months = DateTimeFormatter.ofPattern(messages.get("evidence.format.month"), messages.locale());
    }

    /** The sentence of a key and its arguments; the stored text when there is no key. */
    public String render(String key, String arguments, String storedText) {
        if (key == null) {
            return storedText;
        }
        if (key.equals(LEGACY)) {
            JsonNode text = arguments == null ? null : JSON.readTree(arguments).get(0);
            return text == null || text.isNull() ? storedText : text.asString(); // as written, never re-formatted
        }
        return sentence(key, arguments == null || arguments.isBlank() ? null : JSON.readTree(arguments));
    }

    /**
     * The arguments with every string passed through a replacement (an erasure replacing a person's name or
     * e-mail), keys and numbers untouched; null stays null.
     */
    public static String replaceStrings(String arguments, UnaryOperator<String> replacement) {
        if (arguments == null) {
            return null;
        }
        return JSON.writeValueAsString(replaced(JSON.readTree(arguments), replacement));
    }

    private static JsonNode replaced(JsonNode node, UnaryOperator<String> replacement) {
        if (node.isString()) {
            return StringNode.valueOf(replacement.apply(node.asString()));
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(replaced(item, replacement)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(),
                    e.getKey().equals("key") || e.getKey().equals("join") ? e.getValue() : replaced(e.getValue(), replacement)));
            return copy;
        }
        return node;
    }

    private String sentence(String key, JsonNode arguments) {
        if (key.equals(LEGACY)) { // a previous month's text inside a sentence: as written
            JsonNode text = arguments == null ? null : arguments.get(0);
            return text == null || text.isNull() ? "" : text.asString();
        }
        List<Object> values = new ArrayList<>();
        if (arguments != null) {
            for (JsonNode value : arguments) {
                values.add(value(value));
            }
        }
        // always a MessageFormat pattern, with or without arguments, so its quotes ('') read the same
        return new MessageFormat(messages.get(key), messages.locale()).format(values.toArray());
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
        if (node.isArray()) {
            return joined(node, JOINS.get("list"));
        }
        if (node.isObject()) {
            if (node.has("key")) {
                return sentence(node.get("key").asString(), node.get("args"));
            }
            String separator = JOINS.get(node.get("join").asString());
            if (separator == null) {
                throw new IllegalArgumentException("evidence join '" + node.get("join").asString() + "' is not one of "
                        + JOINS.keySet());
            }
            return joined(node.get("items"), separator);
        }
        String text = node.asString();
        if (DATE.matcher(text).matches()) {
            return dates.format(LocalDate.parse(text));
        }
        if (DATE_TIME.matcher(text).matches()) {
            return dateTimes.format(LocalDateTime.parse(text.replace(' ', 'T')));
        }
        if (MONTH.matcher(text).matches()) {
            return months.format(YearMonth.parse(text));
        }
        return text;
    }

    private String joined(JsonNode items, String separatorKey) {
        List<String> parts = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isNull()) {
                parts.add(String.valueOf(value(item)));
            }
        }
        return String.join(messages.get(separatorKey), parts);
    }
}
