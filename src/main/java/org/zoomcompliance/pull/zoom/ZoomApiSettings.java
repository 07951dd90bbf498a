package org.zoomcompliance.pull.zoom;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code zoom.api.*} settings of the Server-to-Server OAuth app (README, Pulling from Zoom's API). The client
 * secret is no setting: it comes from the environment variable {@code ZOOM_API_CLIENT_SECRET} or an owner-only
 * file ({@code client-secret-file}, by default under the home), never from a properties or policy file.
 *
 * @param accountId         the account the app belongs to; with {@code clientId}, what makes the API configured
 * @param oauthUrl          where tokens come from ({@code https://zoom.us}; tests point it at a loopback stub)
 * @param baseUrl           the API's root, {@code https://api.zoom.us/v2}
 * @param maxAttempts       attempts of one call answered 429, 5xx or not at all, before the pull reports it
 * @param backOff           the first wait between attempts, doubled each time up to {@code maxBackOff}
 * @param tokenMargin       a token is renewed this long before Zoom says it expires
 * @param pageSize          records per page (Zoom allows 300 at most)
 * @param recordingsMonths  how far back the inventory of cloud recordings held reaches (the longest retention
 *                          limit of the policy should fit in it)
 */
@ConfigurationProperties("zoom.api")
public record ZoomApiSettings(String accountId, String clientId, Path clientSecretFile,
        @DefaultValue("https://zoom.us") URI oauthUrl,
        @DefaultValue("https://api.zoom.us/v2") URI baseUrl,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("1s") Duration backOff,
        @DefaultValue("60s") Duration maxBackOff,
        @DefaultValue("5m") Duration tokenMargin,
        @DefaultValue("300") int pageSize,
        @DefaultValue("13") int recordingsMonths,
        @DefaultValue Limits limits) {

    /**
     * The account's rate limits (Business plan by default): calls per second per category, Resource-intensive per
     * minute, and the daily cap of Heavy and Resource-intensive calls together.
     */
    public record Limits(@DefaultValue("80") int light, @DefaultValue("60") int medium, @DefaultValue("40") int heavy,
            @DefaultValue("20") int resourceIntensivePerMinute, @DefaultValue("60000") int daily) {

        public Limits {
            if (light < 1 || medium < 1 || heavy < 1 || resourceIntensivePerMinute < 1 || daily < 1) {
                throw new IllegalStateException("zoom.api.limits.*: every limit must be 1 or more");
            }
        }

        /** The shortest spacing between two calls of a category. */
        public Duration spacing(Category category) {
            return switch (category) {
                case LIGHT -> Duration.ofSeconds(1).dividedBy(light);
                case MEDIUM -> Duration.ofSeconds(1).dividedBy(medium);
                case HEAVY -> Duration.ofSeconds(1).dividedBy(heavy);
                case RESOURCE_INTENSIVE -> Duration.ofMinutes(1).dividedBy(resourceIntensivePerMinute);
            };
        }
    }

    public ZoomApiSettings {
        if (pageSize < 1 || pageSize > 300) {
            throw new IllegalStateException("zoom.api.page-size must be between 1 and 300 (Zoom's most)");
        }
        if (recordingsMonths < 1) {
            throw new IllegalStateException("zoom.api.recordings-months must be 1 or more");
        }
        if (maxAttempts < 1) {
            throw new IllegalStateException("zoom.api.max-attempts must be 1 or more");
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative() || readTimeout.isZero() || readTimeout.isNegative()) {
            throw new IllegalStateException("zoom.api.connect-timeout and read-timeout must be positive: a call"
                    + " never waits without bound");
        }
    }

    /** Whether an app is configured: the account and client ids are given. */
    public boolean configured() {
        return accountId != null && !accountId.isBlank() && clientId != null && !clientId.isBlank();
    }
}
