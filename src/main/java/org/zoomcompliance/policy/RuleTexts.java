package org.zoomcompliance.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.zoomcompliance.infrastructure.DataFile;
import org.zoomcompliance.config.Language;

/**
 * What each rule code says to a reader, in the institution's language: a plain-language name, what a deviation
 * means and the recommended action, from the data file {@code rule-texts.csv} (one row per code, three columns per
 * language in the order of {@link Language}).
 */
public final class RuleTexts {

    private static final String RESOURCE = "rule-texts.csv";
    private static final int COLUMNS_PER_LANGUAGE = 3;

    /** A rule's texts in one language. */
    public record Text(String name, String meaning, String action) {
    }

    private final Map<String, Text> texts;

    private RuleTexts(Map<String, Text> texts) {
        this.texts = texts;
    }

    /** The bundled texts in one language; a row lacking a text is a broken build. */
    public static RuleTexts load(Language language) {
        Map<String, Text> texts = new LinkedHashMap<>();
        int first = 1 + COLUMNS_PER_LANGUAGE * language.ordinal();
        for (DataFile.Row row : DataFile.rows(RuleTexts.class, RESOURCE)) {
            Text text = new Text(row.get(first), row.get(first + 1), row.get(first + 2));
            if (row.get(0) == null || text.name() == null || text.meaning() == null || text.action() == null) {
                throw new IllegalStateException(RESOURCE + ": the row of " + row.get(0) + " lacks a text in "
                        + language.code());
            }
            texts.put(row.get(0), text);
        }
        return new RuleTexts(Map.copyOf(texts));
    }

    /** The codes that have texts. */
    public Set<String> codes() {
        return texts.keySet();
    }

    /** A code's texts; a code without any (none in the catalogue) shows as its own name with no action. */
    public Text of(String code) {
        Text text = texts.get(code);
        return text != null ? text : new Text(code, "", "");
    }
}
