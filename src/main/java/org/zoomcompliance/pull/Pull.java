package org.zoomcompliance.pull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.config.PipelineSettings;
import org.zoomcompliance.infrastructure.JobRefusedException;
import org.zoomcompliance.infrastructure.Sentence;
import org.zoomcompliance.ingest.ExportKind;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.ingest.IngestReport.Status;
import org.zoomcompliance.ingest.normalise.FileContext;
import org.zoomcompliance.ingest.normalise.RowNormaliser;
import org.zoomcompliance.ingest.normalise.Rows.NormalisedRow;
import org.zoomcompliance.ingest.normalise.Sanitiser;
import org.zoomcompliance.ingest.read.DateShapes;
import org.zoomcompliance.ingest.read.RawRow;
import org.zoomcompliance.infrastructure.Sentence;
import org.zoomcompliance.ingest.write.IngestWriter;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;
import org.zoomcompliance.pull.zoom.MeetingUuids;
import org.zoomcompliance.pull.zoom.Page;
import org.zoomcompliance.pull.zoom.ZoomApiException;
import org.zoomcompliance.pull.zoom.ZoomClient;
import tools.jackson.databind.JsonNode;

/**
 * Pulls days from Zoom's API into the pipeline's tables, as ingest does with export files.
 *
 * <p>A pull is made of <em>windows</em>: one list (an endpoint, a day, a meeting occurrence) read page by page.
 * Each window has one {@code source_file} record, as an export file has: its kind, a name saying what it is
 * ({@code zoom-api participants 2026-10-05 85218486288 ...}), the counts read, ingested, rejected and already
 * present, and the data period; its {@code sha256} is the digest of the window's identity, so pulling a window
 * again finds its record. Each page is one chunk: normalised by ingest's {@link RowNormaliser} (addresses and
 * e-mails pseudonymised, free text sanitised) and written by ingest's {@link IngestWriter} in one transaction
 * with the record's counts. A record's line is its place in the window, so a window pulled again after a failure
 * or a kill starts from its first page again (Zoom's page tokens last 15 minutes) and the writer skips every row
 * a committed page held: the counts end exact. A completed window is not called again; the same meetings read
 * from CSV exports meet the same natural keys and add nothing. Nothing of an answer is written but the rows.
 */
@Service
public class Pull {

    private static final Logger log = LoggerFactory.getLogger(Pull.class);
    /** How many times a window starts over when its page token expires before it is done. */
    private static final int PAGE_TOKEN_RESTARTS = 3;
    /** The advisory lock key of pulls (retention's and the audit trail's are others). */
    private static final long PULL_LOCK = 7411893310571790401L;

    /** A list read page by page: its record, its endpoint and query, and how its records become rows. */
    private record Window(ExportKind kind, String name, String identity, Endpoint endpoint, String path,
            Map<String, String> query, LocalDate day, LocalDate inventory, String meetingId,
            ApiRecords.Layout layout, RawRow meeting) {
    }

    /** What a pull did: each window's outcome, and why it stopped early (the daily cap), if it did. */
    public record PullReport(IngestReport report, String stopped) {
        public boolean completed() {
            return stopped == null && report.allCompleted();
        }
    }

    private final ZoomApi api;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final PseudonymKeyStore keyStore;
    private final DateShapes shapes;
    private final Policy policy;
    private final Clock clock;
    private final long maxRejectedRows;
    /** Runs inside each page's transaction after its rows are written; tests kill a pull mid-page with it. */
    Consumer<String> afterPageWritten = window -> { };

    public Pull(ZoomApi api, JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
            PseudonymKeyStore keyStore, DateShapes shapes, Policy policy, Clock clock,
            PipelineSettings settings) {
        this.api = api;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
        this.keyStore = keyStore;
        this.shapes = shapes;
        this.policy = policy;
        this.clock = clock;
        this.maxRejectedRows = settings.ingest().maxRejectedRows();
    }

    /** Whether an app is configured. */
    public boolean configured() {
        return api.configured();
    }

    /** Today in the institution's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(policy.zone()));
    }

    /**
     * What a pull would call, without calling anything: the endpoints per day and kind with their categories, and
     * how the daily cap of Heavy and Resource-intensive calls bounds the meetings pulled per day.
     */
    public List<String> plan(PullRequest request) {
        List<String> lines = new ArrayList<>();
        long days = request.to().toEpochDay() - request.from().toEpochDay() + 1;
        int pageSize = api.settings().pageSize();
        lines.add("would call " + api.settings().baseUrl() + " for " + days + " day(s), " + request.from() + " to "
                + request.to() + " (UTC days), " + pageSize + " records a page:");
        boolean meetings = request.kinds().contains(PullKind.PARTICIPANTS) || request.kinds().contains(PullKind.DASHBOARD);
        int perMeeting = 0;
        if (meetings) {
            lines.add(line(Endpoint.MEETINGS, "type=past, each day: the day's meetings, 1 call a page"));
        }
        if (request.kinds().contains(PullKind.PARTICIPANTS)) {
            lines.add(line(Endpoint.REPORT_PARTICIPANTS, "1 call a page for each meeting of the day"));
            perMeeting++;
        }
        if (request.kinds().contains(PullKind.DASHBOARD)) {
            lines.add(line(Endpoint.DASHBOARD_PARTICIPANTS, "type=past, 1 call a page for each meeting of the day"));
            perMeeting++;
        }
        if (request.kinds().contains(PullKind.SIGNINS)) {
            lines.add(line(Endpoint.ACTIVITIES, "each day, 1 call a page"));
        }
        if (request.kinds().contains(PullKind.OPERATIONS)) {
            lines.add(line(Endpoint.OPERATION_LOGS, "each day, 1 call a page"));
        }
        if (request.kinds().contains(PullKind.HISTORY)) {
            lines.add(line(Endpoint.HISTORY_MEETINGS, "each day, 1 call a page"));
        }
        if (request.kinds().contains(PullKind.DISCLAIMERS)) {
            lines.add(line(Endpoint.DISCLAIMERS, "each day, 1 call a page"));
        }
        if (request.kinds().contains(PullKind.USERS) || request.kinds().contains(PullKind.RECORDINGS)) {
            lines.add(line(Endpoint.GROUPS, "once") + "; " + line(Endpoint.USERS, "once, active and inactive users"));
        }
        if (request.kinds().contains(PullKind.RECORDINGS)) {
            lines.add(line(Endpoint.RECORDINGS, "once, the recordings held today that started in the last "
                    + api.settings().recordingsMonths() + " months: 1 call a page for each month"));
        }
        int daily = api.settings().limits().daily();
        long fixed = days * ((meetings ? 1 : 0) + (request.kinds().contains(PullKind.SIGNINS) ? 1 : 0)
                + (request.kinds().contains(PullKind.OPERATIONS) ? 1 : 0)
                + (request.kinds().contains(PullKind.HISTORY) ? 1 : 0)
                + (request.kinds().contains(PullKind.DISCLAIMERS) ? 1 : 0));
        lines.add("daily cap: " + daily + " Heavy and Resource-intensive calls a day (zoom.api.limits.daily), shared"
                + " by every app of the account; at least " + fixed + " of them for these days"
                + (perMeeting == 0 ? "" : ", then " + perMeeting + " per meeting of up to " + pageSize
                        + " participants: the cap allows about " + Math.max(0, (daily - fixed) / perMeeting)
                        + " meetings in all"));
        lines.add("windows already pulled completely are not called again");
        return lines;
    }

    private static String line(Endpoint endpoint, String what) {
        return "  GET " + endpoint.path() + " (" + endpoint.category().name().toLowerCase().replace('_', '-') + "): "
                + what;
    }

    /**
     * Pulls the request's days and kinds; {@code ended} hears of each window as soon as it ends. One pull runs at a
     * time across every process sharing the database (a PostgreSQL advisory lock held for the pull): another is
     * refused, so the nightly run and an operator's pull never share the account's limits or a window's record.
     */
    public PullReport pull(PullRequest request, Consumer<FileOutcome> ended) {
        try (Connection lock = dataSource.getConnection()) {
            try (PreparedStatement take = lock.prepareStatement("select pg_try_advisory_lock(?)")) {
                take.setLong(1, PULL_LOCK);
                try (ResultSet taken = take.executeQuery()) {
                    if (!taken.next() || !taken.getBoolean(1)) {
                        throw new JobRefusedException(Sentence.of("refusal.another-pull"));
                    }
                }
            }
            try {
                return pullLocked(request, ended);
            } finally {
                try (PreparedStatement release = lock.prepareStatement("select pg_advisory_unlock(?)")) {
                    release.setLong(1, PULL_LOCK);
                    release.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the pull lock: " + e.getMessage(), e);
        }
    }

    private PullReport pullLocked(PullRequest request, Consumer<FileOutcome> ended) {
        ZoomClient client = api.client();
        // no key, no row: taken before any call
        Pseudonymiser pseudonymiser = new Pseudonymiser(keyStore.current());
        LocalDate today = today();
        List<FileOutcome> outcomes = new ArrayList<>();
        Consumer<FileOutcome> record = outcome -> {
            outcomes.add(outcome);
            ended.accept(outcome);
        };
        try {
            Map<String, String> hosts = new HashMap<>();
            if (request.kinds().contains(PullKind.USERS) || request.kinds().contains(PullKind.RECORDINGS)) {
                Map<String, String> groups = new HashMap<>();
                for (JsonNode group : all(client, Endpoint.GROUPS, Endpoint.GROUPS.path(), Map.of())) {
                    groups.put(ApiRecords.text(group, "id"), ApiRecords.text(group, "name"));
                }
                ApiRecords.Layout users = ApiRecords.users(groups);
                for (String status : List.of("active", "inactive")) {
                    Window window = new Window(ExportKind.USERS, "zoom-api users " + status + " " + today,
                            "users|" + status + "|" + today, Endpoint.USERS, Endpoint.USERS.path(),
                            Map.of("status", status), null, today, null, users, null);
                    // the recordings name their host by id: the users give the e-mail
                    pullWindow(client, pseudonymiser, window, request.kinds().contains(PullKind.USERS), record,
                            request.kinds().contains(PullKind.RECORDINGS)
                                    ? user -> hosts.put(ApiRecords.text(user, "id"), ApiRecords.text(user, "email"))
                                    : null);
                }
            }
            if (request.kinds().contains(PullKind.RECORDINGS)) {
                pullRecordings(client, pseudonymiser, today, hosts, record);
            }
            for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
                pullDay(client, pseudonymiser, request, day, record);
            }
        } catch (ZoomApiException e) {
            if (!e.stopsPull()) {
                throw e;
            }
            return new PullReport(new IngestReport(outcomes), e.getMessage());
        }
        return new PullReport(new IngestReport(outcomes), null);
    }

    /**
     * The cloud recordings held today, as the Recordings page export lists them: every recording started in the
     * last {@code zoom.api.recordings-months} months, one window per calendar month (Zoom answers a month per call),
     * each dated today (the inventory date retention judges by), whatever days the pull is for.
     */
    private void pullRecordings(ZoomClient client, Pseudonymiser pseudonymiser, LocalDate today,
            Map<String, String> hosts, Consumer<FileOutcome> record) {
        ApiRecords.Layout layout = ApiRecords.recordings(hosts);
        LocalDate yesterday = today.minusDays(1);
        for (LocalDate from = today.minusMonths(api.settings().recordingsMonths()); !from.isAfter(yesterday);
                from = from.withDayOfMonth(1).plusMonths(1)) {
            LocalDate monthEnd = from.withDayOfMonth(from.lengthOfMonth());
            LocalDate to = monthEnd.isAfter(yesterday) ? yesterday : monthEnd;
            pullWindow(client, pseudonymiser, new Window(ExportKind.RECORDINGS, "zoom-api recordings " + from + ".." + to
                    + " as of " + today, "recordings|" + from + "|" + to + "|" + today, Endpoint.RECORDINGS,
                    Endpoint.RECORDINGS.path(), Map.of("from", from.toString(), "to", to.toString()), null, today, null,
                    layout, null), true, record, null);
        }
    }

    private void pullDay(ZoomClient client, Pseudonymiser pseudonymiser, PullRequest request, LocalDate day,
            Consumer<FileOutcome> record) {
        Map<String, String> dates = Map.of("from", day.toString(), "to", day.toString());
        boolean participants = request.kinds().contains(PullKind.PARTICIPANTS);
        boolean dashboard = request.kinds().contains(PullKind.DASHBOARD);
        if (participants || dashboard) {
            Map<String, String> query = new LinkedHashMap<>(dates);
            query.put("type", "past");
            List<JsonNode> meetings = new ArrayList<>();
            Window list = new Window(ExportKind.USAGE_MEETINGS, "zoom-api meetings " + day, "meetings|" + day,
                    Endpoint.MEETINGS, Endpoint.MEETINGS.path(), query, day, null, null, ApiRecords.MEETING, null);
            FileOutcome listed = pullWindow(client, pseudonymiser, list, true, record, meetings::add);
            if (listed.status() == Status.FAILED) {
                return;
            }
            long line = 0;
            for (JsonNode meeting : meetings) {
                String uuid = ApiRecords.text(meeting, "uuid");
                String id = ApiRecords.text(meeting, "id");
                RawRow meetingRow = ApiRecords.MEETING.row(++line, meeting, null);
                String label = id + " " + ApiRecords.text(meeting, "start_time");
                if (participants) {
                    pullWindow(client, pseudonymiser, new Window(ExportKind.PARTICIPANTS,
                            "zoom-api participants " + day + " " + label, "participants|" + uuid,
                            Endpoint.REPORT_PARTICIPANTS, Endpoint.REPORT_PARTICIPANTS.path(MeetingUuids.pathSegment(uuid)),
                            Map.of(), day, null, id, ApiRecords.PARTICIPANT, meetingRow), true, record, null);
                }
                if (dashboard) {
                    // no meeting line, as in the dashboard's current CSV export: the same rows meet the same keys
                    pullWindow(client, pseudonymiser, new Window(ExportKind.DASHBOARD_PARTICIPANTS,
                            "zoom-api dashboard " + day + " " + label, "dashboard|" + uuid,
                            Endpoint.DASHBOARD_PARTICIPANTS,
                            Endpoint.DASHBOARD_PARTICIPANTS.path(MeetingUuids.pathSegment(uuid)), Map.of("type", "past"),
                            day, null, id, ApiRecords.DASHBOARD_PARTICIPANT, null), true, record, null);
                }
            }
        }
        if (request.kinds().contains(PullKind.SIGNINS)) {
            pullWindow(client, pseudonymiser, new Window(ExportKind.SIGN_IN, "zoom-api sign-ins " + day,
                    "signins|" + day, Endpoint.ACTIVITIES, Endpoint.ACTIVITIES.path(), dates, day, null, null,
                    ApiRecords.SIGN_IN, null), true, record, null);
        }
        if (request.kinds().contains(PullKind.OPERATIONS)) {
            Map<String, String> query = new LinkedHashMap<>(dates);
            query.put("category_type", "all");
            pullWindow(client, pseudonymiser, new Window(ExportKind.OPERATION_LOG, "zoom-api operation logs " + day,
                    "operations|" + day, Endpoint.OPERATION_LOGS, Endpoint.OPERATION_LOGS.path(), query, day, null,
                    null, ApiRecords.OPERATION_LOG, null), true, record, null);
        }
        if (request.kinds().contains(PullKind.HISTORY)) {
            // the meetings that started that day, whenever they ended
            Map<String, String> query = new LinkedHashMap<>(dates);
            query.put("date_type", "start_time");
            pullWindow(client, pseudonymiser, new Window(ExportKind.HISTORY_MEETINGS, "zoom-api history meetings " + day,
                    "history|" + day, Endpoint.HISTORY_MEETINGS, Endpoint.HISTORY_MEETINGS.path(), query, day, null,
                    null, ApiRecords.HISTORY_MEETING, null), true, record, null);
        }
        if (request.kinds().contains(PullKind.DISCLAIMERS)) {
            // every notice: the recording one, and the entry notices whose answers show who stayed
            Map<String, String> query = new LinkedHashMap<>(dates);
            query.put("disclaimer_type", "all");
            pullWindow(client, pseudonymiser, new Window(ExportKind.DISCLAIMERS, "zoom-api disclaimers " + day,
                    "disclaimers|" + day, Endpoint.DISCLAIMERS, Endpoint.DISCLAIMERS.path(), query, day, null, null,
                    ApiRecords.DISCLAIMER, null), true, record, null);
        }
    }

    /** Every record of a small list (groups), no record kept. */
    private static List<JsonNode> all(ZoomClient client, Endpoint endpoint, String path, Map<String, String> query) {
        List<JsonNode> records = new ArrayList<>();
        String token = null;
        do {
            Page page = client.page(endpoint.category(), path, query, endpoint.records(), token);
            records.addAll(page.records());
            token = page.nextPageToken();
        } while (token != null);
        return records;
    }

    private record Known(long id, String status, long read, long ingested, long rejected, long duplicate,
            Sentence reason) {
    }

    /**
     * Pulls one window: skipped when completed before (its records still handed to {@code each} when a caller
     * needs them, the meeting list), else read page by page and written when {@code write}. A window that fails
     * is recorded FAILED with the reason and the pull goes on with the next; the daily cap stops the pull.
     */
    private FileOutcome pullWindow(ZoomClient client, Pseudonymiser pseudonymiser, Window window, boolean write,
            Consumer<FileOutcome> record, Consumer<JsonNode> each) {
        String sha256 = sha256("zoom-api\n" + window.identity());
        String name = Sanitiser.fileName(window.name());
        Known known = find(sha256);
        boolean completed = known != null && known.status().equals("COMPLETED");
        if (completed || !write) {
            if (each != null) {
                pages(client, window, page -> page.records().forEach(each), () -> { });
            }
            if (!write) {
                // read for another window's sake only (the users' e-mails for the recordings): not recorded
                return new FileOutcome(name, sha256, window.kind().name(), Status.COMPLETED, 0, 0, 0, 0, null, null);
            }
            FileOutcome outcome = new FileOutcome(name, sha256, window.kind().name(), Status.ALREADY_INGESTED, 0, 0,
                    0, 0, null, Sentence.of("ingest.reason.pulled-before"));
            record.accept(outcome);
            return outcome;
        }
        long id = open(sha256, name, window);
        RowNormaliser normaliser = new RowNormaliser(new FileContext(name, policy.zone(), DateShapes.Order.MONTH_FIRST,
                window.inventory() == null ? today() : window.inventory(), window.meetingId(),
                policy.participants().pseudonymiseEmails()), shapes, pseudonymiser);
        IngestWriter writer = new IngestWriter(jdbc, transactionManager, id, maxRejectedRows, policy.zone());
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        long[] line = {0};
        try {
            pages(client, window, page -> {
                List<NormalisedRow> rows = new ArrayList<>(page.records().size());
                for (JsonNode json : page.records()) {
                    if (each != null) {
                        each.accept(json);
                    }
                    rows.add(normaliser.normalise(window.layout().row(++line[0], json, window.meeting())));
                }
                if (!rows.isEmpty()) {
                    transaction.executeWithoutResult(status -> {
                        writer.write(new Chunk<>(rows));
                        afterPageWritten.accept(window.name());
                    });
                }
            }, () -> line[0] = 0);
        } catch (ZoomApiException e) {
            FileOutcome outcome = failed(id, name, sha256, window, e.getMessage());
            record.accept(outcome);
            if (e.stopsPull()) {
                throw e;
            }
            return outcome;
        } catch (RuntimeException e) {
            FileOutcome outcome = failed(id, name, sha256, window, e.getMessage());
            record.accept(outcome);
            return outcome;
        }
        FileOutcome outcome = finish(id, name, sha256, window);
        record.accept(outcome);
        return outcome;
    }

    /**
     * Reads a window's pages in order. When a page token expires before the window is done, the window starts over
     * from its first page ({@code restart} resets the line count), a few times at most.
     */
    private static void pages(ZoomClient client, Window window, Consumer<Page> each, Runnable restart) {
        for (int attempt = 0; ; attempt++) {
            String token = null;
            try {
                do {
                    Page page = client.page(window.endpoint().category(), window.path(), window.query(),
                            window.endpoint().records(), token);
                    each.accept(page);
                    token = page.nextPageToken();
                } while (token != null);
                return;
            } catch (ZoomApiException.PageTokenExpired e) {
                if (attempt >= PAGE_TOKEN_RESTARTS) {
                    throw e;
                }
                log.info("{}: the page token expired; reading the window again from its first page", window.name());
                restart.run();
            }
        }
    }

    private Known find(String sha256) {
        List<Known> rows = jdbc.query("""
                select id, status, rows_read, rows_ingested, rows_rejected, rows_duplicate, reasons_key, reasons_args,
                       reasons
                from source_file where sha256 = ?""", (rs, i) -> new Known(rs.getLong(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                Sentence.recorded(rs.getString(7), rs.getString(8), rs.getString(9))), sha256);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The window's record, new or found unfinished (its counts kept: the writer goes on from them). */
    private long open(String sha256, String name, Window window) {
        Timestamp from = window.day() == null ? null : Timestamp.from(window.day().atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp to = window.day() == null ? null
                : Timestamp.from(window.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1));
        return jdbc.queryForObject("""
                insert into source_file (sha256, file_name, kind, layout, inventory_date, status, ingested_at,
                                         data_from, data_to)
                values (?, ?, ?, 'zoom-api', ?, 'INGESTING', ?, ?, ?)
                on conflict (sha256) do update set status = 'INGESTING', reasons = null, reasons_key = null,
                    reasons_args = null
                returning id""", Long.class, sha256, name, window.kind().name(),
                window.inventory() == null ? null : java.sql.Date.valueOf(window.inventory()),
                Timestamp.from(clock.instant()), from, to);
    }

    /** Completed, with its rejections summed up by reason and its unknown values by field, as ingest does. */
    private FileOutcome finish(long id, String name, String sha256, Window window) {
        jdbc.update("""
                update source_file f
                set status = 'COMPLETED', finished_at = now(),
                    reasons = zc_rejection_counts_text(f.id),
                    reasons_key = case when zc_rejection_counts(f.id) is not null then 'ingest.reason.summary' end,
                    reasons_args = case when zc_rejection_counts(f.id) is not null
                                        then jsonb_build_array(zc_rejection_counts(f.id)) end
                where f.id = ?""", id);
        Known done = find(sha256);
        log.info("{}: read {}, ingested {}, rejected {}, already present {}", name, done.read(), done.ingested(),
                done.rejected(), done.duplicate());
        return new FileOutcome(name, sha256, window.kind().name(), Status.COMPLETED, done.read(), done.ingested(),
                done.rejected(), done.duplicate(), null, done.reason());
    }

    private FileOutcome failed(long id, String name, String sha256, Window window, String message) {
        String reason = Sanitiser.redact(message == null ? "failed" : message);
        jdbc.update("update source_file set status = 'FAILED', reasons = ?, reasons_key = null, reasons_args = null"
                + " where id = ?", reason, id);
        log.warn("{} failed: {}", name, reason);
        Known known = find(sha256);
        return new FileOutcome(name, sha256, window.kind().name(), Status.FAILED, known.read(), known.ingested(),
                known.rejected(), known.duplicate(), null, Sentence.of("ingest.reason.pull-again", reason));
    }

    private static String sha256(String identity) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
