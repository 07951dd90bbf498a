package org.zoomcompliance.pull.zoom;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** One page of a list: its records, and the token of the next page ({@code null} on the last). */
public record Page(List<JsonNode> records, String nextPageToken) {

    public boolean last() {
        return nextPageToken == null;
    }
}
