package org.zoomcompliance.pull.zoom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Meeting UUIDs in a path. Zoom's rule: a UUID that begins with {@code /} or holds {@code //} must be encoded
 * twice ({@code /ajXp112QmuoKj4854875==} as {@code %252FajXp112QmuoKj4854875%253D%253D}), any other once.
 */
public final class MeetingUuids {

    private MeetingUuids() {
    }

    /** The UUID as one path segment, encoded as Zoom wants it. */
    public static String pathSegment(String uuid) {
        String once = encode(uuid);
        return uuid.startsWith("/") || uuid.contains("//") ? encode(once) : once;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
