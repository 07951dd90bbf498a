package org.zoomcompliance.infrastructure;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts people read (sheet names, headers, sentences), in the institution's language ({@code
 * institution.language}: en or fr), from the bundles {@code messages.properties} and {@code messages_fr.properties}.
 * A key missing from a language falls back to English; a key missing everywhere is a programming error.
 */
public final class Messages {

    /** The languages the bundles hold. */
    public static final String ENGLISH = "en";
    public static final String FRENCH = "fr";

    private static final String BUNDLE = "messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        // no fallback to the JVM's default locale: a French server still writes English when the policy says so
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The messages of a language code (en, fr). */
    public static Messages of(String language) {
        String code = language == null ? ENGLISH : language.strip().toLowerCase(Locale.ROOT);
        if (!code.equals(ENGLISH) && !code.equals(FRENCH)) {
            throw new IllegalArgumentException("language '" + language + "' is not en or fr");
        }
        return new Messages(code.equals(ENGLISH) ? Locale.ROOT : Locale.FRENCH);
    }

    public Locale locale() {
        return locale == Locale.ROOT ? Locale.ENGLISH : locale;
    }

    /** Whether these are the English texts, the language everything is recorded and logged in. */
    public boolean english() {
        return locale == Locale.ROOT;
    }

    /**
     * The text of {@code prefix + code} when the bundle has one, else the code as it is: for values read from an
     * export (an answer, a status) that are said in words when known and shown as coded otherwise.
     */
    public String orCode(String prefix, String code) {
        if (code == null) {
            return null;
        }
        return bundle.containsKey(prefix + code) ? bundle.getString(prefix + code) : code;
    }

    /** The text of a key, its {@code {0}} placeholders filled (MessageFormat). */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message " + key + " in " + BUNDLE, e);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(arguments);
    }
}
