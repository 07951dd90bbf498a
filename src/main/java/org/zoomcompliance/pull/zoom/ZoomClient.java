package org.zoomcompliance.pull.zoom;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Zoom's REST API for one Server-to-Server OAuth app. Every call takes its place in the rate limiter, carries
 * the cached access token (renewed before it expires, and once on a 401), and is tried again with a doubling
 * back-off (or Zoom's {@code Retry-After}) when Zoom answers 429 or 5xx or not at all within the time-outs; the
 * failure is reported once the attempts are exhausted. Answers are parsed in memory and never written anywhere:
 * the caller takes the records it needs from them.
 */
public final class ZoomClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Zoom's error code for a {@code next_page_token} that expired or is not valid. */
    private static final int INVALID_PAGE_TOKEN = 300;
    /** The longest body read from an answer: a list page of 300 records is far below it. */
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final ZoomApiSettings settings;
    private final RestClient rest;
    private final RateLimiter limiter;
    private final AccessTokens tokens;
    private final Sleeper sleeper;
    private final Clock clock;

    /** One answer, read whole. */
    private record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    public ZoomClient(ZoomApiSettings settings, String clientSecret, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(settings.readTimeout());
        this.rest = RestClient.builder().requestFactory(factory).build();
        this.limiter = new RateLimiter(settings.limits(), clock, sleeper);
        String basic = Base64.getEncoder().encodeToString(
                (settings.clientId() + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.tokens = new AccessTokens(() -> requestToken(basic), clock, settings.tokenMargin());
    }

    /** One page of a list endpoint: the records of {@code arrayField} and the next page's token. */
    public Page page(Category category, String path, Map<String, String> query, String arrayField,
            String pageToken) {
        Map<String, String> parameters = new LinkedHashMap<>(query);
        parameters.put("page_size", String.valueOf(settings.pageSize()));
        if (pageToken != null) {
            parameters.put("next_page_token", pageToken);
        }
        JsonNode body = get(category, path, parameters, pageToken != null);
        List<JsonNode> records = new ArrayList<>();
        body.path(arrayField).forEach(records::add);
        String next = body.path("next_page_token").asString("");
        return new Page(records, next.isBlank() ? null : next);
    }

    /** A call that is not a list (or whose paging the caller ignores). */
    public JsonNode get(Category category, String path, Map<String, String> query) {
        return get(category, path, query, false);
    }

    /** Tokens requested so far by this client. */
    public int tokensRequested() {
        return tokens.requested();
    }

    /** Heavy and Resource-intensive calls this client made today (UTC). */
    public int cappedCallsToday() {
        return limiter.cappedCallsToday();
    }

    private JsonNode get(Category category, String path, Map<String, String> query, boolean paged) {
        URI uri = URI.create(stripSlash(settings.baseUrl().toString()) + path + queryString(query));
        String call = "GET " + path;
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            try {
                limiter.acquire(category);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ZoomApiException(call + " interrupted", 0, e);
            }
            String token = tokens.get();
            Answer answer = send(call, attempt, () -> rest.get().uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                            response.getHeaders(), read(response.getBody())), true));
            if (answer == null) {
                continue;
            }
            int status = answer.status();
            if (status / 100 == 2) {
                return parse(call, answer.body());
            }
            if (status == 401 && !renewed) {
                // expired or revoked early: one fresh token, then a 401 is a refusal like any other
                tokens.refused(token);
                renewed = true;
                attempt--;
                continue;
            }
            if (status == 400 && paged && zoomCode(answer.body()) == INVALID_PAGE_TOKEN) {
                throw new ZoomApiException.PageTokenExpired(call + ": the next_page_token expired (Zoom keeps it"
                        + " 15 minutes)");
            }
            if (status == 429 || status / 100 == 5) {
                retryOrGiveUp(call, attempt, answer);
                continue;
            }
            throw new ZoomApiException(call + " was refused: HTTP " + status + zoomMessage(answer.body()), status);
        }
    }

    /** Sends; an exchange without an answer (time-out, refused connection) backs off and returns null. */
    private Answer send(String call, int attempt, Supplier<Answer> exchange) {
        try {
            return exchange.get();
        } catch (ResourceAccessException e) {
            String why = e.getCause() == null ? "no answer" : e.getCause().getClass().getSimpleName();
            if (attempt >= settings.maxAttempts()) {
                throw new ZoomApiException(call + ": no answer after " + attempt + " attempts (" + why
                        + "; zoom.api.read-timeout is " + settings.readTimeout().toSeconds() + "s)", 0, e);
            }
            pause(call, backOff(attempt));
            return null;
        }
    }

    private void retryOrGiveUp(String call, int attempt, Answer answer) {
        int status = answer.status();
        String limitType = answer.headers().getFirst("X-RateLimit-Type");
        if (status == 429 && limitType != null && limitType.toLowerCase().contains("daily")) {
            throw new ZoomApiException.DailyCapReached(call + ": Zoom says the account's daily limit is used up"
                    + " (shared by every app of the account); it resets at 00:00 UTC");
        }
        Duration wait = retryAfter(answer.headers().getFirst(HttpHeaders.RETRY_AFTER));
        if (wait != null && wait.compareTo(settings.maxBackOff()) > 0) {
            throw new ZoomApiException(call + ": Zoom asks to wait " + wait.toMinutes() + " minutes (HTTP " + status
                    + "), longer than zoom.api.max-back-off; pull again later", status);
        }
        if (attempt >= settings.maxAttempts()) {
            throw new ZoomApiException(call + ": HTTP " + status + " on each of " + attempt + " attempts"
                    + (status == 429 ? " (the account's rate limit is shared by every app)" : "")
                    + "; pull again later to resume", status);
        }
        pause(call, wait != null ? wait : backOff(attempt));
    }

    private Duration backOff(int attempt) {
        Duration wait = settings.backOff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(settings.maxBackOff()) > 0 ? settings.maxBackOff() : wait;
    }

    private void pause(String call, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZoomApiException(call + " interrupted", 0, e);
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    private Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private AccessTokens.Granted requestToken(String basic) {
        URI uri = URI.create(stripSlash(settings.oauthUrl().toString()) + "/oauth/token");
        String call = "POST /oauth/token";
        String form = "grant_type=account_credentials&account_id="
                + URLEncoder.encode(settings.accountId(), StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            Answer answer = send(call, attempt, () -> rest.post().uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                            response.getHeaders(), read(response.getBody())), true));
            if (answer == null) {
                continue;
            }
            if (answer.status() / 100 == 2) {
                JsonNode body = parse(call, answer.body());
                String token = body.path("access_token").asString("");
                if (token.isBlank()) {
                    throw new ZoomApiException(call + " answered without an access_token", answer.status());
                }
                return new AccessTokens.Granted(token, body.path("expires_in").asLong(3600));
            }
            if (answer.status() == 429 || answer.status() / 100 == 5) {
                retryOrGiveUp(call, attempt, answer);
                continue;
            }
            throw new ZoomApiException.CredentialsRefused(call + " was refused: HTTP " + answer.status()
                    + zoomMessage(answer.body()) + "; check zoom.api.account-id, zoom.api.client-id and the client"
                    + " secret, and that the app is activated", answer.status());
        }
    }

    private static byte[] read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IOException("an answer longer than " + MAX_BODY + " bytes");
        }
        return bytes;
    }

    private static JsonNode parse(String call, byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            // the parser's message may quote the body: never repeated
            throw new ZoomApiException(call + " answered something that is not JSON", 200, null);
        }
    }

    private static int zoomCode(byte[] body) {
        try {
            return JSON.readTree(body).path("code").asInt(-1);
        } catch (JacksonException e) {
            return -1;
        }
    }

    /** Zoom's error code and message ({@code {"code":124,"message":"Invalid access token."}}), addresses masked. */
    private static String zoomMessage(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body);
            if (!error.has("code") && !error.has("message")) {
                return "";
            }
            String message = error.path("message").asString("");
            return " (Zoom code " + error.path("code").asString("?") + (message.isBlank() ? "" : ": "
                    + org.zoomcompliance.ingest.normalise.Sanitiser.redact(message.strip())) + ")";
        } catch (JacksonException e) {
            return "";
        }
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            text.append(text.isEmpty() ? '?' : '&').append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
