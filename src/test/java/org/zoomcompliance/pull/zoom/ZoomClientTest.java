package org.zoomcompliance.pull.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zoomcompliance.pull.FakeZoom.record;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.pull.FakeZoom;
import tools.jackson.databind.JsonNode;

/** The client against a fake Zoom API on the loopback interface: tokens, paging, limits, retries, encoding. */
class ZoomClientTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-11-02T02:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final FakeZoom zoom = new FakeZoom();
    private final MovingClock clock = new MovingClock();
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recording = wait -> {
        waits.add(wait);
        clock.advance(wait);
    };

    @AfterEach
    void stop() {
        zoom.close();
    }

    private ZoomApiSettings settings(int maxAttempts, Duration readTimeout, int daily) {
        return new ZoomApiSettings(FakeZoom.ACCOUNT, FakeZoom.CLIENT, null, URI.create(zoom.url()),
                URI.create(zoom.url() + "/v2"), Duration.ofSeconds(2), readTimeout, maxAttempts, Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofMinutes(5), 2, 13, new ZoomApiSettings.Limits(80, 60, 40, 20, daily));
    }

    private ZoomClient client() {
        return new ZoomClient(settings(4, Duration.ofSeconds(5), 60_000), FakeZoom.SECRET, clock, recording);
    }

    private void activities(int count) {
        List<Map<String, Object>> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logs.add(record("email", "user" + i + "@exemple.fr", "time", "2026-11-01T08:0" + i + ":00Z", "type", "Sign in",
                    "ip_address", "192.0.2." + (10 + i), "client_type", "Browser", "version", "6.2.5.5112"));
        }
        zoom.list("/report/activities", "activity_logs", "time", logs);
    }

    private List<JsonNode> all(ZoomClient client) {
        List<JsonNode> records = new ArrayList<>();
        String token = null;
        do {
            Page page = client.page(Category.HEAVY, "/report/activities", Map.of("from", "2026-11-01", "to", "2026-11-01"),
                    "activity_logs", token);
            records.addAll(page.records());
            token = page.nextPageToken();
        } while (token != null);
        return records;
    }

    @Test
    void oneTokenServesEveryCallUntilShortlyBeforeItExpires() {
        // given
        activities(5);
        ZoomClient client = client();

        // when: three pages of two
        List<JsonNode> records = all(client);

        // then
        assertThat(records).hasSize(5);
        assertThat(zoom.tokensIssued()).isEqualTo(1);
        assertThat(zoom.calls()).filteredOn(c -> c.startsWith("GET")).hasSize(3)
                .allMatch(c -> c.contains("page_size=2"));

        // when: 55 minutes later, within 5 minutes of the token's 3599 seconds
        clock.advance(Duration.ofMinutes(55));
        client.get(Category.LIGHT, "/report/activities", Map.of());

        // then: renewed before Zoom would refuse it
        assertThat(zoom.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aTokenRevokedMidRunIsRenewedOnceAndTheCallGoesThrough() {
        // given: every token dies after the first page
        activities(5);
        ZoomClient client = client();
        zoom.revokeTokensAfter(1);

        // when
        List<JsonNode> records = all(client);

        // then: paging went on across the new token
        assertThat(records).hasSize(5);
        assertThat(zoom.tokensIssued()).isEqualTo(2);
        assertThat(zoom.calls()).filteredOn(c -> c.startsWith("GET")).hasSize(4);
    }

    @Test
    void aStormOf429IsRiddenOutWithADoublingBackOffThenReportedWhenItLasts() {
        // given
        activities(1);
        zoom.fail("/v2/report/activities", 429, 3);

        // when
        JsonNode page = client().get(Category.HEAVY, "/report/activities", Map.of());

        // then
        assertThat(page.path("activity_logs")).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));

        // and: a storm longer than the attempts is reported, naming the call
        zoom.fail("/v2/report/activities", 429, 10);
        assertThatThrownBy(() -> client().get(Category.HEAVY, "/report/activities", Map.of()))
                .isInstanceOf(ZoomApiException.class)
                .hasMessageContaining("GET /report/activities: HTTP 429 on each of 4 attempts");
    }

    @Test
    void retryAfterIsHonouredAndADailyLimitAnswerStopsAtOnce() {
        activities(1);
        zoom.fail("/v2/report/activities", 429, 1, Map.of("Retry-After", "7"));
        client().get(Category.HEAVY, "/report/activities", Map.of());
        assertThat(waits).containsExactly(Duration.ofSeconds(7));

        zoom.fail("/v2/report/activities", 429, 1, Map.of("X-RateLimit-Type", "Daily-limit"));
        assertThatThrownBy(() -> client().get(Category.HEAVY, "/report/activities", Map.of()))
                .isInstanceOf(ZoomApiException.DailyCapReached.class);
    }

    @Test
    void a500IsTriedAgainAndARefusalIsNot() {
        activities(1);
        zoom.fail("/v2/report/activities", 500, 1);
        assertThat(client().get(Category.HEAVY, "/report/activities", Map.of()).path("activity_logs")).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));

        zoom.fail("/v2/report/activities", 403, 1);
        assertThatThrownBy(() -> client().get(Category.HEAVY, "/report/activities", Map.of()))
                .hasMessageContaining("was refused: HTTP 403 (Zoom code 403: fake fault)");
    }

    @Test
    void aSlowAnswerTimesOutAndIsTriedAgain() {
        // given: the first call is never answered
        activities(1);
        zoom.stall("/v2/report/activities");
        ZoomClient client = new ZoomClient(settings(3, Duration.ofMillis(500), 60_000), FakeZoom.SECRET, clock, recording);

        // when
        JsonNode page = client.get(Category.HEAVY, "/report/activities", Map.of());

        // then
        assertThat(page.path("activity_logs")).hasSize(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void noAnswerAtAllIsReportedAfterTheAttempts() {
        ZoomApiSettings nowhere = new ZoomApiSettings(FakeZoom.ACCOUNT, FakeZoom.CLIENT, null,
                URI.create(zoom.url()), URI.create("http://127.0.0.1:1/v2"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 2, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5), 300, 13,
                new ZoomApiSettings.Limits(80, 60, 40, 20, 60_000));
        assertThatThrownBy(() -> new ZoomClient(nowhere, FakeZoom.SECRET, clock, recording)
                .get(Category.LIGHT, "/users", Map.of()))
                .isInstanceOf(ZoomApiException.class).hasMessageContaining("GET /users: no answer after 2 attempts");
    }

    @Test
    void wrongCredentialsAreReportedWithoutTheSecret() {
        activities(1);
        assertThatThrownBy(() -> new ZoomClient(settings(2, Duration.ofSeconds(5), 60_000), "wrong-secret", clock,
                recording).get(Category.HEAVY, "/report/activities", Map.of()))
                .hasMessageContaining("POST /oauth/token was refused: HTTP 400")
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void uuidsStartingWithASlashOrHoldingTwoAreEncodedTwice() {
        assertThat(MeetingUuids.pathSegment("/ajXp112QmuoKj4854875==")).isEqualTo("%252FajXp112QmuoKj4854875%253D%253D");
        assertThat(MeetingUuids.pathSegment("Ab//cD==")).isEqualTo("Ab%252F%252FcD%253D%253D");
        assertThat(MeetingUuids.pathSegment("4444AAAiAAAAAiAiAiiAii+A==")).isEqualTo("4444AAAiAAAAAiAiAiiAii%2BA%3D%3D");

        zoom.list("/report/meetings/%252Fab%252Bc%253D%253D/participants", "participants", null, List.of(record("name", "x")));
        JsonNode page = client().get(Category.HEAVY,
                "/report/meetings/" + MeetingUuids.pathSegment("/ab+c==") + "/participants", Map.of());
        assertThat(page.path("participants")).hasSize(1);
        assertThat(zoom.calls()).contains("GET /v2/report/meetings/%252Fab%252Bc%253D%253D/participants");
    }

    @Test
    void callsAreSpacedPerCategoryAndTheDailyCapRefusesBeforeSending() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(new ZoomApiSettings.Limits(80, 60, 40, 20, 3), clock, recording);
        limiter.acquire(Category.HEAVY);
        limiter.acquire(Category.HEAVY);
        limiter.acquire(Category.LIGHT);
        limiter.acquire(Category.RESOURCE_INTENSIVE);
        // the second Heavy call waits 1/40 s; Light and Resource-intensive have their own pace
        assertThat(waits).containsExactly(Duration.ofMillis(25));
        assertThat(limiter.cappedCallsToday()).isEqualTo(3);
        assertThatThrownBy(() -> limiter.acquire(Category.HEAVY)).isInstanceOf(ZoomApiException.DailyCapReached.class);
        limiter.acquire(Category.MEDIUM);

        // the cap resets at 00:00 UTC
        clock.advance(Duration.ofHours(22));
        limiter.acquire(Category.HEAVY);
        assertThat(limiter.cappedCallsToday()).isEqualTo(1);
    }

    @Test
    void anExpiredPageTokenIsToldApart() {
        activities(5);
        ZoomClient client = client();
        Page first = client.page(Category.HEAVY, "/report/activities", Map.of("from", "2026-11-01", "to", "2026-11-01"),
                "activity_logs", null);
        zoom.expirePageTokensAfter(0);
        assertThatThrownBy(() -> client.page(Category.HEAVY, "/report/activities",
                Map.of("from", "2026-11-01", "to", "2026-11-01"), "activity_logs", first.nextPageToken()))
                .isInstanceOf(ZoomApiException.PageTokenExpired.class);
    }

    @Test
    void windowsBeyondZoomsSixMonthsAreRefused() {
        LocalDate today = LocalDate.parse("2026-11-02");
        assertThat(Horizon.problem(LocalDate.parse("2026-05-02"), today)).isNull();
        assertThat(Horizon.problem(LocalDate.parse("2026-05-01"), today))
                .contains("last 6 months only (from 2026-05-02 today): 2026-05-01 is beyond");
    }
}
