package org.zoomcompliance.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.zoomcompliance.infrastructure.DataFile;

/**
 * Where Zoom's data centres are: maps a data-centre value as exported ({@code Germany (FR)}, {@code SC (Top)}) to
 * a country and a transfer region, from the data file {@code data-centres.csv}.
 */
public final class DataCentres {

    /** The transfer region of a data centre, as the Transfers sheet and TRANSFER_OUTSIDE_EU see it. */
    public enum Region { EU_EEA, ADEQUATE, OTHER, UNKNOWN }

    /** A data centre's country (ISO 3166, null when unknown) and region. */
    public record Location(String country, Region region) {
    }

    /** The EU member states, Iceland, Liechtenstein and Norway: transfers among them need no safeguard. */
    private static final Set<String> EU_EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    private final Map<String, String> codes;
    private final Map<String, String> names;
    private final Set<String> adequateCountries;

    private DataCentres(Map<String, String> codes, Map<String, String> names, Set<String> adequateCountries) {
        this.codes = codes;
        this.names = names;
        this.adequateCountries = adequateCountries;
    }

    /** The bundled data file, with the policy's adequate countries. */
    public static DataCentres load(Set<String> adequateCountries) {
        Map<String, String> codes = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (DataFile.Row row : DataFile.rows(DataCentres.class, "data-centres.csv")) {
            (row.get(0).equals("code") ? codes : names).put(row.get(1).toLowerCase(Locale.ROOT), row.get(2));
        }
        return new DataCentres(codes, names, Set.copyOf(adequateCountries));
    }

    /** The location of an exported data-centre value: by country name, else by code, else UNKNOWN. */
    public Location locate(String value) {
        String text = value == null ? "" : value.strip();
        int parenthesis = text.indexOf('(');
        String head = (parenthesis < 0 ? text : text.substring(0, parenthesis)).strip().toLowerCase(Locale.ROOT);
        String inside = parenthesis < 0 ? "" : text.substring(parenthesis + 1).replace(")", " ").strip();
        String country = names.get(head);
        if (country == null) {
            country = codes.get(head);
        }
        if (country == null && !inside.isEmpty()) {
            country = codes.get(inside.split("\\s+")[0].toLowerCase(Locale.ROOT));
        }
        if (country == null || country.isEmpty()) {
            return new Location(null, Region.UNKNOWN);
        }
        return new Location(country, regionOf(country));
    }

    private Region regionOf(String country) {
        if (EU_EEA.contains(country)) {
            return Region.EU_EEA;
        }
        return adequateCountries.contains(country) ? Region.ADEQUATE : Region.OTHER;
    }
}
