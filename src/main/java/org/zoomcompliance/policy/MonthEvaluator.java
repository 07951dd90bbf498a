package org.zoomcompliance.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.month.MonthFacts;
import org.zoomcompliance.month.MonthWindow;
import org.zoomcompliance.month.OpenDeviations;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.infrastructure.EvidenceText;

/**
 * Evaluates the policy for one month inside the caller's transaction: sessionises the month (temporary tables),
 * runs each selected rule's SQL, and replaces the month's deviations, rule evaluations, account profiles and
 * transfers. The evaluate job's step calls it, so a failure leaves the previous results untouched. It returns
 * the facts the month was judged on, which the step records for every output to read (docs/months.md).
 */
@Component
class MonthEvaluator {

    private static final String SESSIONS = "org/zoomcompliance/policy/sessions.sql";
    private static final Logger LOG = LoggerFactory.getLogger(MonthEvaluator.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Policy policy;
    private final Map<String, Rule> rules;
    private final DataCentres dataCentres;
    private final ClientMinimums clientMinimums;
    private final List<String> sessionStatements;

    MonthEvaluator(NamedParameterJdbcTemplate jdbc, Policy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.rules = RuleCatalogue.load(policy.rules().keySet());
        this.dataCentres = DataCentres.load(policy.transfers().adequateCountries());
        this.clientMinimums = ClientMinimums.of(policy.clients().minimumVersion());
        try {
            String sessions = new ClassPathResource(SESSIONS).getContentAsString(StandardCharsets.UTF_8);
            this.sessionStatements = Arrays.stream(sessions.split(";\\s*\\n")).filter(s -> !s.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled sessions.sql cannot be read", e);
        }
    }

    /** The codes of every rule, in the catalogue's order. */
    Set<String> codes() {
        return new TreeSet<>(policy.rules().keySet());
    }

    /** Why every rule of a month without any input is not evaluated. */
    static final String NO_DATA = "not evaluated: no export covers the month";

    /**
     * Evaluates the month for the given rule codes (all when empty); asOf may be null. Returns what the month was
     * judged on (its evaluation time left null, for the caller to stamp).
     */
    MonthFacts evaluate(YearMonth month, Set<String> onlyRules, LocalDate asOf) {
        Set<String> codes = onlyRules.isEmpty() ? codes() : new TreeSet<>(onlyRules);
        codes.forEach(policy::rule);
        MonthWindow window = new MonthWindow(month, policy.zone());
        MapSqlParameterSource parameters = parameters(window, asOf);
        // Sorts and hashes of a month of joins fit in memory instead of spilling to disk; this transaction only.
        jdbc.update("set local work_mem = '256MB'", parameters);
        // The month's temporary tables (hundreds of MB) stay in memory instead of cycling through 8 MB of local
        // buffers. PostgreSQL refuses the setting once a session has used temporary tables: a pooled connection
        // that already evaluated keeps the buffers it was given.
        if (Boolean.TRUE.equals(jdbc.queryForObject("select pg_my_temp_schema() = 0", parameters, Boolean.class))) {
            jdbc.update("set local temp_buffers = '256MB'", parameters);
        }
        long started = System.nanoTime();
        sessionStatements.forEach(statement -> timed(statement.lines().filter(l -> !l.startsWith("--")).findFirst().orElse(""),
                () -> jdbc.update(statement, parameters)));
        locateDataCentres(parameters);
        LOG.info("{} sessionised in {} ms", month, (System.nanoTime() - started) / 1_000_000);
        jdbc.update("create temp table ev_deviation (rule_code text, severity text, subject text, occurred_at timestamptz,"
                + " meeting_id text, topic text, host_email text, profile text, evidence_key text, evidence_args jsonb)"
                + " on commit drop", parameters);

        // A month no export covers is not evaluated at all: no rule is judged, nothing is resolved.
        boolean hasInput = Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from ev_occurrence)"
                + " or exists (select 1 from ev_join) or exists (select 1 from ev_dash)"
                + " or cast(:inventory_date as date) is not null"
                + " or exists (select 1 from sign_in where event_time >= :month_start and event_time < :month_end)"
                + " or exists (select 1 from operation_log"
                + "   where event_time >= :month_start and event_time < :month_end)",
                parameters, Boolean.class));
        Map<String, String> notEvaluated = new LinkedHashMap<>();
        List<String> evaluated = new ArrayList<>();
        for (String code : codes) {
            Policy.RuleSettings settings = policy.rule(code);
            String missing = !settings.enabled() ? "disabled in the policy"
                    : !hasInput ? NO_DATA : missingInputs(rules.get(code), parameters);
            if (missing != null) {
                notEvaluated.put(code, missing);
                continue;
            }
            parameters.addValue("rule_code", code).addValue("severity", settings.severity().name());
            timed(code, () -> jdbc.update("insert into ev_deviation select :rule_code, :severity, r.subject, r.occurred_at,"
                    + " r.meeting_id, r.topic, r.host_email, r.profile, r.evidence_key, r.evidence_args from ("
                    + rules.get(code).sql() + "\n) r",
                    parameters));
            evaluated.add(code);
        }
        replaceResults(month, parameters, codes, evaluated, notEvaluated);
        if (onlyRules.isEmpty()) {
            replaceDerivedFacts(parameters);
        }
        return new MonthFacts(month, hasInput, window.snapshotOldest(),
                MonthWindow.snapshotLatest((LocalDate) parameters.getValue("reference_date")),
                (Long) parameters.getValue("users_file"), snapshotDate("zoom_user", parameters.getValue("users_file")),
                (Long) parameters.getValue("hosts_file"),
                snapshotDate("host_activity", parameters.getValue("hosts_file")),
                (LocalDate) parameters.getValue("inventory_date"), null, null, null);
    }

    private LocalDate snapshotDate(String table, Object file) {
        return file == null ? null : jdbc.queryForObject("select max(snapshot_date) from " + table
                + " where source_file_id = :file", new MapSqlParameterSource("file", file), LocalDate.class);
    }

    private static void timed(String what, Runnable work) {
        long started = System.nanoTime();
        work.run();
        LOG.debug("{}: {} ms", what, (System.nanoTime() - started) / 1_000_000);
    }

    private MapSqlParameterSource parameters(MonthWindow window, LocalDate asOf) {
        YearMonth month = window.month();
        LocalDate reference = asOf != null ? asOf : window.last();
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("month", window.first())
                .addValue("previous", window.previous().first())
                .addValue("month_label", month.toString())
                .addValue("previous_label", month.minusMonths(1).toString())
                .addValue("month_start", window.start())
                .addValue("month_end", window.end())
                .addValue("lo", window.wideStart())
                .addValue("hi", window.wideEnd())
                .addValue("zone", policy.zone().getId())
                .addValue("reference_date", reference);
        Long users = newestSnapshot("zoom_user", window, reference);
        Long hosts = newestSnapshot("host_activity", window, reference);
        // The month is judged with an inventory taken within it; a caller naming a date (the retention check) is
        // answered with the newest inventory known on that date.
        LocalDate inventory = jdbc.queryForObject("select max(d) from (select inventory_date as d from source_file"
                        + " where kind ilike '%recording%' and status = 'COMPLETED' union all select inventory_date from recording) i"
                        + " where d >= :oldest and d <= :reference_date",
                new MapSqlParameterSource("oldest", asOf != null ? LocalDate.of(1970, 1, 1) : window.first())
                        .addValue("reference_date", reference),
                LocalDate.class);
        parameters.addValue("users_file", users, Types.BIGINT)
                .addValue("users_loaded", users != null)
                .addValue("hosts_file", hosts, Types.BIGINT)
                .addValue("hosts_loaded", hosts != null)
                .addValue("inventory_date", inventory, Types.DATE)
                .addValue("judged_on", asOf != null ? asOf : inventory != null ? inventory : reference)
                .addValue("group_profiles", policy.profiles().entrySet().stream()
                        .flatMap(e -> e.getValue().groups().stream()
                                .map(group -> group + "\t" + e.getKey().name() + "\t" + e.getKey().ordinal()))
                        .collect(Collectors.joining("\n")))
                .addValue("profile_policies", policy.profiles().entrySet().stream()
                        .map(e -> e.getKey().name() + "\t" + e.getValue().mayRecord() + "\t" + e.getValue().recordingRetentionDays())
                        .collect(Collectors.joining("\n")))
                .addValue("generic", String.join("\n", policy.identity().genericNames()))
                .addValue("name_prefixes", policy.identity().anchoredPrefixes().stream()
                        .map(prefix -> "(?:" + prefix + ")").collect(Collectors.joining("|")))
                .addValue("sensitive_terms", String.join("\n", policy.sensitiveTopics().terms()))
                .addValue("domains", String.join("\n", policy.institution().emailDomains()))
                .addValue("allow_co_host", policy.recording().allowCoHost())
                .addValue("pmi_min_days", policy.pmi().minDays())
                .addValue("reuse_min_sessions", policy.reuse().minSessions())
                .addValue("min_joins", policy.intrusion().minJoins())
                .addValue("window_minutes", policy.intrusion().windowMinutes())
                .addValue("min_share", policy.intrusion().minUnidentifiedShare())
                .addValue("minimum_version", policy.clients().minimumVersion())
                .addValue("zoom_enforced", policy.clients().zoomEnforced())
                .addValue("client_minimums", clientMinimums.minimums().stream()
                        .map(m -> m.from() + "\t" + m.platform() + "\t" + m.version()).collect(Collectors.joining("\n")))
                .addValue("client_platforms", clientMinimums.platformWords().stream()
                        .map(w -> w.word() + "\t" + w.platform()).collect(Collectors.joining("\n")))
                .addValue("inactive_days", policy.retention().inactiveAccountDays());
        return parameters;
    }

    /**
     * The newest snapshot on or before the reference date, else the earliest in the window after it (an export
     * without a date in its name is dated when ingested). A snapshot older than the window does not describe the
     * month ({@link MonthWindow}).
     */
    private Long newestSnapshot(String table, MonthWindow window, LocalDate reference) {
        List<Long> files = jdbc.queryForList("select source_file_id from (select distinct source_file_id, snapshot_date from "
                        + table + ") s where snapshot_date >= :oldest and snapshot_date <= :latest"
                        + " order by snapshot_date <= :reference_date desc,"
                        + " case when snapshot_date <= :reference_date then snapshot_date end desc nulls last,"
                        + " snapshot_date, source_file_id desc limit 1",
                new MapSqlParameterSource("reference_date", reference)
                        .addValue("oldest", window.snapshotOldest())
                        .addValue("latest", MonthWindow.snapshotLatest(reference)), Long.class);
        return files.isEmpty() ? null : files.get(0);
    }

    private void locateDataCentres(MapSqlParameterSource parameters) {
        List<String> values = jdbc.queryForList("select distinct btrim(c) from ev_dash,"
                + " unnest(string_to_array(data_centre, ';')) c where nullif(btrim(c), '') is not null", parameters,
                String.class);
        MapSqlParameterSource[] rows = values.stream().map(value -> {
            DataCentres.Location location = dataCentres.locate(value);
            return new MapSqlParameterSource("data_centre", value)
                    .addValue("country", location.country(), Types.VARCHAR)
                    .addValue("region", location.region().name());
        }).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("insert into ev_data_centre values (:data_centre, :country, :region)", rows);
        // A participant without a data centre is in an unknown one (data_centre empty), never assumed in the EU.
        // A value listing several (the API's full_data_center: "United States (SC Top);Germany (FR)") counts the
        // participant under each of them: the media went through every one.
        jdbc.update("create temp table ev_transfer on commit drop as"
                + " select d.meeting_id, d.start_time as meeting_start, min(o.host_email) as host_email,"
                + " e.data_centre, c.country, coalesce(c.region, 'UNKNOWN') as region,"
                + " count(distinct coalesce(d.email_pseudonym, 'name:' || lower(d.name)))::int as participants"
                + " from ev_dash d join ev_occurrence o on o.meeting_id = d.meeting_id and o.start_time = d.start_time"
                + " cross join lateral (select distinct coalesce(btrim(c), '') as data_centre"
                + "   from unnest(coalesce(nullif(string_to_array(d.data_centre, ';'), '{}'), '{\"\"}')) c"
                + "   where nullif(btrim(c), '') is not null or nullif(btrim(d.data_centre), '') is null) e"
                + " left join ev_data_centre c on c.data_centre = e.data_centre"
                + " group by d.meeting_id, d.start_time, e.data_centre, c.country, coalesce(c.region, 'UNKNOWN')",
                parameters);
    }

    /** The reason a rule cannot be evaluated for the month, or null when every input it needs is there. */
    private String missingInputs(Rule rule, MapSqlParameterSource parameters) {
        List<List<RuleInput>> missing = new ArrayList<>();
        for (List<RuleInput> group : rule.inputs()) {
            boolean present = group.stream()
                    .anyMatch(input -> Boolean.TRUE.equals(jdbc.queryForObject(input.query(), parameters, Boolean.class)));
            if (!present) {
                missing.add(group);
            }
        }
        return NotEvaluatedReasons.of(missing);
    }

    private void replaceResults(YearMonth month, MapSqlParameterSource parameters, Set<String> codes,
                                List<String> evaluated, Map<String, String> notEvaluated) {
        parameters.addValue("codes", List.copyOf(codes));
        jdbc.update("delete from deviation where month = :month and rule_code in (:codes)", parameters);
        // evidence, the English text, is written from the key once the rows are in (writeEnglishEvidence)
        jdbc.update("insert into deviation (month, rule_code, subject, severity, status, occurred_at, meeting_id, topic,"
                + " host_email, profile, evidence_key, evidence_args, evidence)"
                + " select distinct on (d.rule_code, d.subject) :month, d.rule_code, d.subject, d.severity,"
                + " case when exists (select 1 from " + OpenDeviations.VIEW + " p where p.month = :previous"
                + " and p.rule_code = d.rule_code and p.subject = d.subject) then 'ONGOING' else 'NEW' end,"
                + " d.occurred_at, d.meeting_id, d.topic, d.host_email, d.profile, d.evidence_key, d.evidence_args, ''"
                + " from ev_deviation d order by d.rule_code, d.subject, d.occurred_at", parameters);
        if (!evaluated.isEmpty()) {
            // A meeting occurrence belongs to one month only; subjects that can recur (recordings, accounts, hosts,
            // meeting IDs) and are no longer observed are recorded as RESOLVED.
            parameters.addValue("evaluated", evaluated);
            jdbc.update("insert into deviation (month, rule_code, subject, severity, status, occurred_at, meeting_id,"
                    + " topic, host_email, profile, evidence_key, evidence_args, evidence)"
                    + " select :month, p.rule_code, p.subject, p.severity, 'RESOLVED', p.occurred_at, p.meeting_id, p.topic,"
                    + " p.host_email, p.profile, 'evidence.resolved', jsonb_build_array(:month_label, :previous_label,"
                    // the previous month's sentence inside; a row from before keys (V56) as its text
                    + "   jsonb_build_object('key', coalesce(p.evidence_key, '" + EvidenceText.LEGACY + "'),"
                    + "     'args', coalesce(p.evidence_args, jsonb_build_array(p.evidence)))), ''"
                    + " from " + OpenDeviations.VIEW + " p where p.month = :previous and p.rule_code in (:evaluated)"
                    + " and p.subject not like 'occurrence:%'"
                    + " and not exists (select 1 from ev_deviation d where d.rule_code = p.rule_code and d.subject = p.subject)",
                    parameters);
        }
        writeEnglishEvidence(parameters);
        jdbc.update("delete from rule_evaluation where month = :month and rule_code in (:codes)", parameters);
        jdbc.update("insert into rule_evaluation (month, rule_code, evaluated, reason, deviation_count)"
                + " select :month, c.code, c.code not in (select unnest(string_to_array(:not_evaluated, ','))),"
                + " (string_to_array(:reasons, E'\\n'))[array_position(string_to_array(:not_evaluated, ','), c.code)],"
                + " (select count(*) from " + OpenDeviations.VIEW + " d"
                + "   where d.month = :month and d.rule_code = c.code)"
                + " from unnest(string_to_array(:all_codes, ',')) c(code)",
                parameters.addValue("all_codes", String.join(",", codes))
                        .addValue("not_evaluated", String.join(",", notEvaluated.keySet()))
                        .addValue("reasons", String.join("\n", notEvaluated.values())));
    }

    /**
     * The English sentence of each new row, kept in evidence beside its key and arguments: what searches the text
     * (a data subject's name, SubjectFinder) and a reader of the table itself see; readers render the key in the
     * institution's language (docs/evidence.md).
     */
    private void writeEnglishEvidence(MapSqlParameterSource parameters) {
        MapSqlParameterSource[] rows = jdbc.query("select id, evidence_key, evidence_args::text from deviation"
                + " where month = :month and rule_code in (:codes) and evidence_key is not null", parameters,
                (rs, n) -> new MapSqlParameterSource("id", rs.getLong(1))
                        .addValue("evidence", EvidenceText.english().render(rs.getString(2), rs.getString(3), null)))
                .toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("update deviation set evidence = :evidence where id = :id", rows);
    }

    private void replaceDerivedFacts(MapSqlParameterSource parameters) {
        jdbc.update("delete from account_profile where month = :month", parameters);
        jdbc.update("insert into account_profile (month, email, profile, groups)"
                + " select :month, email, profiles[1], groups from ev_account on conflict do nothing", parameters);
        jdbc.update("delete from meeting_transfer where month = :month", parameters);
        jdbc.update("insert into meeting_transfer (month, meeting_id, meeting_start, host_email, data_centre, country,"
                + " region, participants) select :month, meeting_id, meeting_start, host_email, data_centre, country,"
                + " region, participants from ev_transfer", parameters);
    }
}
