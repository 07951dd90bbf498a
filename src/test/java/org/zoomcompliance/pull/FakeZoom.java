package org.zoomcompliance.pull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake Zoom API on the loopback interface, for tests: Server-to-Server OAuth tokens, list endpoints paged with
 * {@code next_page_token} and filtered by their {@code from}/{@code to} dates (UTC days), and faults a test
 * queues (429, 500, an answer that never comes, a revoked token, expired page tokens). Shapes follow Zoom's API reference.
 * Bounded: it answers only what it is asked, and stops with the test.
 */
public final class FakeZoom implements AutoCloseable {

    public static final String ACCOUNT = "acc-123";
    public static final String CLIENT = "client-abc";
    public static final String SECRET = "s3cret-value";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A list endpoint: its array field, the field dating its records (null: not filtered) and its records. */
    private record Listing(String arrayField, String dateField, List<Map<String, Object>> records,
            Map<String, Object> extra) {
    }

    /** A fault answered instead of the next call whose path starts with {@code prefix}. */
    private record Fault(String prefix, int status, boolean stall, Map<String, String> headers) {
    }

    /** How long a stalled call holds its thread at most, should the fake never be closed. */
    private static final long STALL_BOUND_SECONDS = 120;

    private final HttpServer server;
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> answers = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> expiredPageTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> expireNextUnder = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> pageTokens = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger pageTokensIssued = new AtomicInteger();
    private volatile long expiresIn = 3599;
    private volatile int revokeTokenAfterCalls = -1;
    private volatile int expirePageTokensAfterCalls = -1;
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    public FakeZoom() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "fake-zoom");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The fake's root; the API is under {@code /v2}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code records} at {@code path} (under /v2, raw as sent), dated by {@code dateField}; adds to a path's. */
    public synchronized FakeZoom list(String path, String arrayField, String dateField, List<Map<String, Object>> records) {
        return list(path, arrayField, dateField, records, Map.of());
    }

    public synchronized FakeZoom list(String path, String arrayField, String dateField,
            List<Map<String, Object>> records, Map<String, Object> extra) {
        Listing known = listings.get(path);
        List<Map<String, Object>> all = new ArrayList<>(known == null ? List.of() : known.records());
        all.addAll(records);
        listings.put(path, new Listing(arrayField, dateField, all, extra));
        return this;
    }

    /** Answers the next {@code times} calls under {@code prefix} with {@code status}. */
    public synchronized FakeZoom fail(String prefix, int status, int times) {
        return fail(prefix, status, times, Map.of());
    }

    public synchronized FakeZoom fail(String prefix, int status, int times, Map<String, String> headers) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(prefix, status, false, headers));
        }
        return this;
    }

    /**
     * Never answers the next call under {@code prefix}: it is held until the fake closes, so the client's read
     * time-out, not a sleep of a chosen length, decides when the call is given up.
     */
    public synchronized FakeZoom stall(String prefix) {
        faults.add(new Fault(prefix, 0, true, Map.of()));
        return this;
    }

    /** Tokens live this long (Zoom: 3599 seconds). */
    public FakeZoom expiresIn(long seconds) {
        this.expiresIn = seconds;
        return this;
    }

    /** Revokes every token issued so far once this many more API calls were answered (a token expiring mid-run). */
    public FakeZoom revokeTokensAfter(int calls) {
        this.revokeTokenAfterCalls = apiCalls.get() + calls;
        return this;
    }

    /** Page tokens issued so far stop being valid once this many more API calls were answered (15 minutes). */
    public FakeZoom expirePageTokensAfter(int calls) {
        this.expirePageTokensAfterCalls = apiCalls.get() + calls;
        return this;
    }

    /** The next page token issued under {@code prefix} is refused as expired when it is used. */
    public FakeZoom expireNextPageToken(String prefix) {
        expireNextUnder.add(prefix);
        return this;
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** The API calls received, as {@code METHOD raw-path?raw-query}. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public void clearCalls() {
        calls.clear();
        answers.clear();
    }

    /** The statuses answered, as {@code status raw-path}, in order. */
    public List<String> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            calls.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            Fault fault = nextFault(path);
            if (fault != null && fault.stall()) {
                try {
                    closed.await(STALL_BOUND_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (fault != null) {
                fault.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                send(exchange, fault.status(), Map.of("code", fault.status(), "message", "fake fault"));
                return;
            }
            if (path.equals("/oauth/token")) {
                token(exchange);
                return;
            }
            api(exchange, path, query);
        }
    }

    private synchronized Fault nextFault(String path) {
        for (Fault fault : faults) {
            if (path.startsWith(fault.prefix())) {
                faults.remove(fault);
                return fault;
            }
        }
        return null;
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = parameters(body);
        if (!exchange.getRequestMethod().equals("POST") || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !"account_credentials".equals(form.get("grant_type")) || !ACCOUNT.equals(form.get("account_id"))) {
            send(exchange, 400, Map.of("reason", "Invalid client_id or client_secret", "error", "invalid_client"));
            return;
        }
        String token = "tok-" + tokensIssued.incrementAndGet();
        validTokens.add(token);
        send(exchange, 200, Map.of("access_token", token, "token_type", "bearer", "expires_in", expiresIn,
                "scope", "report:read:admin dashboard_meetings:read:admin recording:read:admin user:read:admin",
                "api_url", "https://api.zoom.us"));
    }

    private void api(HttpExchange exchange, String path, String query) throws IOException {
        int call = apiCalls.incrementAndGet();
        if (revokeTokenAfterCalls >= 0 && call > revokeTokenAfterCalls) {
            validTokens.clear();
            revokeTokenAfterCalls = -1;
        }
        if (expirePageTokensAfterCalls >= 0 && call > expirePageTokensAfterCalls) {
            expiredPageTokens.addAll(pageTokens.keySet());
            expirePageTokensAfterCalls = -1;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !validTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            send(exchange, 401, Map.of("code", 124, "message", "Invalid access token."));
            return;
        }
        Listing listing = listings.get(path.replaceFirst("^/v2", ""));
        if (listing == null) {
            send(exchange, 404, Map.of("code", 3001, "message", "Meeting does not exist."));
            return;
        }
        Map<String, String> parameters = parameters(query);
        List<Map<String, Object>> records = new ArrayList<>();
        for (Map<String, Object> record : listing.records()) {
            if (within(record, listing.dateField(), parameters)) {
                records.add(record);
            }
        }
        int size = Integer.parseInt(parameters.getOrDefault("page_size", "30"));
        int start = 0;
        String pageToken = parameters.get("next_page_token");
        if (pageToken != null && !pageToken.isEmpty()) {
            if (expiredPageTokens.contains(pageToken) || !pageTokens.containsKey(pageToken)) {
                send(exchange, 400, Map.of("code", 300, "message", "The next page token is invalid or expired."));
                return;
            }
            start = pageTokens.get(pageToken);
        }
        int end = Math.min(records.size(), start + size);
        String next = "";
        if (end < records.size()) {
            next = "pt" + pageTokensIssued.incrementAndGet() + "x" + Long.toHexString(System.nanoTime());
            pageTokens.put(next, end);
            for (String prefix : expireNextUnder) {
                if (path.startsWith(prefix) && expireNextUnder.remove(prefix)) {
                    expiredPageTokens.add(next);
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (parameters.containsKey("from")) {
            body.put("from", parameters.get("from"));
            body.put("to", parameters.get("to"));
        }
        body.put("page_count", (records.size() + size - 1) / Math.max(1, size));
        body.put("page_size", size);
        body.put("total_records", records.size());
        body.put("next_page_token", next);
        body.putAll(listing.extra());
        body.put(listing.arrayField(), records.subList(start, end));
        send(exchange, 200, body);
    }

    private static boolean within(Map<String, Object> record, String dateField, Map<String, String> parameters) {
        if (parameters.containsKey("status") && record.containsKey("status")
                && !parameters.get("status").equals(record.get("status"))) {
            return false;
        }
        if (dateField == null || !parameters.containsKey("from")) {
            return true;
        }
        LocalDate day = LocalDate.ofInstant(Instant.parse(String.valueOf(record.get(dateField))), ZoneOffset.UTC);
        return !day.isBefore(LocalDate.parse(parameters.get("from"))) && !day.isAfter(LocalDate.parse(parameters.get("to")));
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        answers.add(status + " " + exchange.getRequestURI().getRawPath());
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** Records as Zoom writes them: a map per record, in field order. */
    public static Map<String, Object> record(Object... namesAndValues) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return record;
    }
}
