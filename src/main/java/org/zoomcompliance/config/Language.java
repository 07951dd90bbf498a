package org.zoomcompliance.config;

import java.util.Locale;

/** The language the institution reports in ({@code institution.language}): English by default, or French. */
public enum Language {
    EN, FR;

    /** The policy file's spelling of the language ({@code en}, {@code fr}), also a data file's column name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
