package org.zoomcompliance.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.infrastructure.DataFile;

/**
 * The minimum client versions CLIENT_OUTDATED judges against: the policy's one version for every platform and
 * date, or (when {@code clients.minimum-version} is {@code zoom-enforced}) Zoom's dated minimums per platform
 * from the data file {@code client-minimums.csv}, with the device words that tell a client's platform.
 */
final class ClientMinimums {

    /** The policy value that selects Zoom's enforced minimums. */
    static final String ZOOM_ENFORCED = Policy.ZOOM_ENFORCED;

    /** The platform of a fixed minimum: every platform. */
    static final String ANY_PLATFORM = "*";

    /** A minimum in force from a date for a platform; the version as written. */
    record Minimum(LocalDate from, String platform, String version) {
    }

    /** A word of a device or client type value that names a platform. */
    record PlatformWord(String word, String platform) {
    }

    private final List<Minimum> minimums;
    private final List<PlatformWord> platformWords;

    private ClientMinimums(List<Minimum> minimums, List<PlatformWord> platformWords) {
        this.minimums = minimums;
        this.platformWords = platformWords;
    }

    /** The minimums of the policy value: a version, or {@link #ZOOM_ENFORCED}. */
    static ClientMinimums of(String minimumVersion) {
        List<Minimum> minimums = new ArrayList<>();
        List<PlatformWord> words = new ArrayList<>();
        for (DataFile.Row row : DataFile.rows(ClientMinimums.class, "client-minimums.csv")) {
            if (row.get(0).equals("platform")) {
                words.add(new PlatformWord(row.get(1), row.get(2)));
            } else if (ZOOM_ENFORCED.equals(minimumVersion)) {
                minimums.add(new Minimum(LocalDate.parse(row.get(1)), row.get(2), row.get(3)));
            }
        }
        if (!ZOOM_ENFORCED.equals(minimumVersion)) {
            minimums.add(new Minimum(LocalDate.of(1970, 1, 1), ANY_PLATFORM, minimumVersion));
        }
        return new ClientMinimums(List.copyOf(minimums), List.copyOf(words));
    }

    List<Minimum> minimums() {
        return minimums;
    }

    List<PlatformWord> platformWords() {
        return platformWords;
    }
}
