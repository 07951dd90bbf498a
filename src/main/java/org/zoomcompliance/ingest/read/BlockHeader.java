package org.zoomcompliance.ingest.read;

import java.util.Map;

/**
 * A recognised header line: its block type, the column of each canonical field (first occurrence on its side),
 * its width (trailing empty header cells excluded), the fewest fields a row may have (the width, unless the block's
 * rows may be cut: see {@code row-cuts.csv}), and the language and layout its header names point to.
 */
public record BlockHeader(BlockType type, Map<String, Integer> columns, int width, int shortestRow,
        String language, String layout) {

    public Integer column(String field) {
        return columns.get(field);
    }

    public boolean has(String field) {
        return columns.containsKey(field);
    }
}
