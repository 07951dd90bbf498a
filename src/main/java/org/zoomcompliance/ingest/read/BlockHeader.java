package org.zoomcompliance.ingest.read;

import java.util.Map;

/**
 * A recognised header line: its block type, the column of each canonical field (first occurrence on its side),
 * its width (trailing empty header cells excluded), the fewest fields a row may have (the width, unless the block's
 * rows may be cut: see {@code row-cuts.csv}), the language and layout its header names point to, and the section
 * the title line above it names ({@code section-titles.csv}: HOST, PANELIST, ATTENDEE), or null.
 */
public record BlockHeader(BlockType type, Map<String, Integer> columns, int width, int shortestRow,
        String language, String layout, String section) {

    public BlockHeader(BlockType type, Map<String, Integer> columns, int width, int shortestRow, String language,
            String layout) {
        this(type, columns, width, shortestRow, language, layout, null);
    }

    /** This header under a section's title line. */
    public BlockHeader inSection(String name) {
        return new BlockHeader(type, columns, width, shortestRow, language, layout, name);
    }

    public Integer column(String field) {
        return columns.get(field);
    }

    public boolean has(String field) {
        return columns.containsKey(field);
    }
}
