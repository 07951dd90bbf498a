package org.zoomcompliance.ingest.read;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.zoomcompliance.infrastructure.DataFile;

/**
 * The header names Zoom has used for each block's fields, per language and layout, loaded from
 * {@code header-aliases.csv} (columns: block, field, alias, language, layout), and the blocks whose rows Zoom cuts
 * short, from {@code row-cuts.csv} (columns: block, last_kept). Matching ignores case, leading byte-order marks,
 * repeated spaces, spaces around brackets and the characters {@code header-characters.csv} reads as others
 * (typographic apostrophes, full-width brackets).
 */
public final class HeaderAliases {

    /** Where the alias table lives on the class path. */
    public static final String RESOURCE = "/org/zoomcompliance/ingest/header-aliases.csv";

    /** Where the table of cut rows lives on the class path. */
    public static final String CUTS_RESOURCE = "/org/zoomcompliance/ingest/row-cuts.csv";

    /** Where the table of characters read as others lives on the class path. */
    public static final String CHARACTERS = "/org/zoomcompliance/ingest/header-characters.csv";

    /** Where the table of section title lines lives on the class path. */
    public static final String TITLES = "/org/zoomcompliance/ingest/section-titles.csv";

    private static final Map<Integer, Integer> READ_AS = readAs();
    private static final Pattern OPENING = Pattern.compile("\\s*\\(\\s*");
    private static final Pattern CLOSING = Pattern.compile("\\s*\\)");

    private record Alias(String field, String language, String layout) {
    }

    private final Map<BlockType, Map<String, Alias>> aliases;
    private final Map<BlockType, String> lastKeptOfCutRows;
    private final Map<String, String> titles;

    private HeaderAliases(Map<BlockType, Map<String, Alias>> aliases, Map<BlockType, String> lastKeptOfCutRows,
            Map<String, String> titles) {
        this.aliases = aliases;
        this.lastKeptOfCutRows = lastKeptOfCutRows;
        this.titles = titles;
    }

    public static HeaderAliases load() {
        Map<BlockType, Map<String, Alias>> aliases = new EnumMap<>(BlockType.class);
        for (DataFile.Row row : DataFile.rows(HeaderAliases.class, RESOURCE)) {
            // field names interned: rows are read by literal field names, which then match by identity at once
            aliases.computeIfAbsent(BlockType.valueOf(row.get(0)), block -> new HashMap<>())
                    .put(normalise(row.get(2)), new Alias(row.get(1).intern(), row.get(3), row.get(4)));
        }
        Map<BlockType, String> cuts = new EnumMap<>(BlockType.class);
        for (DataFile.Row row : DataFile.rows(HeaderAliases.class, CUTS_RESOURCE)) {
            cuts.put(BlockType.valueOf(row.get(0)), row.get(1));
        }
        Map<String, String> titles = new HashMap<>();
        for (DataFile.Row row : DataFile.rows(HeaderAliases.class, TITLES)) {
            titles.put(normalise(row.get(0)), row.get(1) == null ? "" : row.get(1));
        }
        return new HeaderAliases(aliases, cuts, Map.copyOf(titles));
    }

    /**
     * The section a title line opens ({@code Host Details}: HOST), empty for a title that names no role, or
     * {@code null} when the line is no title: its first cell is none of {@code section-titles.csv}, or it has more
     * than one other non-empty cell.
     */
    public String title(List<String> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        String section = titles.get(normalise(fields.get(0)));
        if (section == null || fields.stream().skip(1).filter(f -> !f.isBlank()).count() > 1) {
            return null;
        }
        return section;
    }

    /**
     * A header name or value as compared: no BOM, characters read as their plain form, trimmed, lower case, single
     * spaces, one space before an opening bracket and none inside ({@code 名前（元の名前）} reads as
     * {@code 名前 (元の名前)}, {@code Last Login(UTC)} as {@code last login (utc)}).
     */
    public static String normalise(String name) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == '\ufeff') {
            start++;
        }
        StringBuilder value = new StringBuilder(name.length() - start);
        name.substring(start).codePoints().map(c -> READ_AS.getOrDefault(c, c)).forEach(value::appendCodePoint);
        String spaced = value.toString().strip().replaceAll("\\s+", " ");
        if (spaced.indexOf('(') >= 0) {
            spaced = CLOSING.matcher(OPENING.matcher(spaced).replaceAll(" (")).replaceAll(")").strip();
        }
        return spaced.toLowerCase(Locale.ROOT);
    }

    private static Map<Integer, Integer> readAs() {
        Map<Integer, Integer> readAs = new HashMap<>();
        for (DataFile.Row row : DataFile.rows(HeaderAliases.class, CHARACTERS)) {
            readAs.put(codePoint(row.get(0)), codePoint(row.get(1)));
        }
        return Map.copyOf(readAs);
    }

    private static int codePoint(String notation) {
        if (notation == null || !notation.startsWith("U+")) {
            throw new IllegalStateException(CHARACTERS + " holds a character not written U+XXXX: " + notation);
        }
        return Integer.parseInt(notation.substring(2), 16);
    }

    /** The block type a header line is, the best-matching one when several fit; {@code null} if none. */
    public BlockHeader match(List<String> names) {
        BlockHeader best = null;
        int bestScore = 0;
        for (BlockType type : BlockType.values()) {
            BlockHeader candidate = header(type, names);
            if (candidate == null) {
                continue;
            }
            int score = candidate.columns().size();
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private BlockHeader header(BlockType type, List<String> names) {
        Map<String, Alias> own = aliases.getOrDefault(type, Map.of());
        BlockType tailType = type.tail();
        int tailStart = names.size();
        if (tailType != null) {
            Map<String, Alias> tail = aliases.getOrDefault(tailType, Map.of());
            tailStart = -1;
            for (int i = 0; i < names.size(); i++) {
                Alias alias = tail.get(normalise(names.get(i)));
                if (alias != null && alias.field().equals(Field.NAME)) {
                    tailStart = i;
                    break;
                }
            }
            if (tailStart < 0) {
                return null;
            }
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, Integer> languages = new HashMap<>();
        Map<String, Integer> layouts = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Map<String, Alias> side = i < tailStart ? own : aliases.getOrDefault(tailType, Map.of());
            Alias alias = side.get(normalise(names.get(i)));
            if (alias != null && !columns.containsKey(alias.field())) {
                columns.put(alias.field(), i);
                if (alias.language() != null) {
                    languages.merge(alias.language(), 1, Integer::sum);
                }
                if (alias.layout() != null) {
                    layouts.merge(alias.layout(), 1, Integer::sum);
                }
            }
        }
        int requiredWidth = 0;
        for (String required : type.required()) {
            Integer column = null;
            for (String option : required.split("\\|")) {
                column = columns.get(option);
                if (column != null) {
                    break;
                }
            }
            if (column == null) {
                return null;
            }
            requiredWidth = Math.max(requiredWidth, column + 1);
        }
        int width = names.size();
        while (width > 0 && names.get(width - 1).isBlank()) {
            width--;
        }
        int shortestRow = width;
        Integer lastKept = lastKeptOfCutRows.containsKey(type) ? columns.get(lastKeptOfCutRows.get(type)) : null;
        if (lastKept != null) {
            shortestRow = Math.min(width, Math.max(requiredWidth, lastKept + 1));
        }
        return new BlockHeader(type, columns, width, shortestRow, mostFrequent(languages, "en"),
                mostFrequent(layouts, null));
    }

    private static String mostFrequent(Map<String, Integer> counts, String fallback) {
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .filter(Objects::nonNull)
                .orElse(fallback);
    }
}
