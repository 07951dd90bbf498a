package org.zoomcompliance.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a policy file (YAML) over the bundled defaults and binds it into a {@link Policy}.
 *
 * <p>The defaults file is also the catalogue of keys: a key the defaults do not have is refused, and so is a
 * value of the wrong shape, each with a message that names the file and the key.
 */
public final class PolicyFile {

    /** Environment variable naming the policy file. */
    public static final String ENVIRONMENT_VARIABLE = "ZOOM_COMPLIANCE_POLICY";

    /** Spring property carrying the policy file's path into the application context. */
    public static final String PROPERTY = "zoom-compliance.policy";

    private static final String DEFAULTS = "default-policy.yml";
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,3}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern UNPORTABLE_REGEX = Pattern.compile("\\\\[pP]|[+*?}]\\+|\\(\\?<[a-zA-Z]");
    /** Maps whose keys are names (profiles, rule codes), not policy keys: checked against their own catalogue. */
    private static final Set<String> NAMED_MAPS = Set.of("profiles", "rules");

    private final String source;
    private final Map<String, Object> values;

    private PolicyFile(String source, Map<String, Object> values) {
        this.source = source;
        this.values = values;
    }

    /** The policy file named explicitly, else by the environment, else the defaults alone. */
    public static Policy load(String explicit) {
        return resolve(explicit, null).policy();
    }

    /**
     * The policy a process runs under: the file named by {@code --policy} ({@code explicit}) or by
     * {@value #ENVIRONMENT_VARIABLE}, which override the home's for one run; else the home's {@code policy.yml}
     * when it exists; else the defaults alone.
     */
    public static LoadedPolicy resolve(String explicit, Path homePolicy) {
        String origin;
        Path file;
        if (explicit != null && !explicit.isBlank()) {
            file = Path.of(explicit);
            origin = file + " (--policy, for this run)";
        } else if (System.getenv(ENVIRONMENT_VARIABLE) != null && !System.getenv(ENVIRONMENT_VARIABLE).isBlank()) {
            file = Path.of(System.getenv(ENVIRONMENT_VARIABLE));
            origin = file + " (" + ENVIRONMENT_VARIABLE + ", for this run)";
        } else if (homePolicy != null && Files.exists(homePolicy)) {
            file = homePolicy;
            origin = file.toString();
        } else {
            return loaded(new PolicyFile("the default policy", defaultValues()), "the built-in defaults", false);
        }
        return loaded(read(file), origin, !file.equals(homePolicy) && homePolicy != null && Files.exists(homePolicy));
    }

    /** The defaults of default-policy.yml (docs/policy.md, "Keys"), as a site without a policy file gets them. */
    public static Policy defaults() {
        return new PolicyFile("the default policy", defaultValues()).bind();
    }

    public static Policy load(Path file) {
        return read(file).bind();
    }

    private static PolicyFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PolicyException("policy file " + file + " does not exist or is not a file");
        }
        Map<String, Object> site;
        try (InputStream in = Files.newInputStream(file)) {
            site = parse(in, file.toString());
        } catch (IOException e) {
            throw new PolicyException("cannot read policy file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> merged = defaultValues();
        merge(merged, site, "", file.toString());
        return new PolicyFile(file.toString(), merged);
    }

    private static LoadedPolicy loaded(PolicyFile file, String origin, boolean override) {
        SortedMap<String, String> values = new TreeMap<>();
        flatten(file.values, "", values);
        return new LoadedPolicy(file.bind(), origin, override, values);
    }

    /** Every leaf of a merged policy as {@code a.b.c = value}; lists as their items joined by {@code ", "}. */
    @SuppressWarnings("unchecked")
    private static void flatten(Map<String, Object> map, String prefix, SortedMap<String, String> into) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested) {
                flatten((Map<String, Object>) nested, key + ".", into);
            } else if (entry.getValue() instanceof List<?> list) {
                into.put(key, String.join(", ", list.stream().map(String::valueOf).toList()));
            } else {
                into.put(key, String.valueOf(entry.getValue()));
            }
        }
    }

    private static Map<String, Object> defaultValues() {
        try (InputStream in = PolicyFile.class.getResourceAsStream(DEFAULTS)) {
            return parse(in, DEFAULTS);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled " + DEFAULTS + " cannot be read", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(InputStream in, String source) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        byte[] bytes = in.readAllBytes();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException("policy file " + source + " is not valid UTF-8");
        }
        try (Reader reader = new java.io.StringReader(text)) {
            Object document = yaml.load(reader);
            if (document == null) {
                return new LinkedHashMap<>();
            }
            if (!(document instanceof Map)) {
                throw new PolicyException("policy file " + source + " must be a YAML mapping of keys to values");
            }
            return new LinkedHashMap<>((Map<String, Object>) document);
        } catch (YAMLException e) {
            throw new PolicyException("policy file " + source + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Lays the site's values over the defaults, refusing keys the defaults do not know. */
    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> site, String prefix, String source) {
        for (Map.Entry<String, Object> entry : site.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (!target.containsKey(key)) {
                if (NAMED_MAPS.contains(prefix)) {
                    throw new PolicyException("policy file " + source + ": unknown " + (prefix.equals("profiles") ? "profile" : "rule code")
                            + " '" + key + "' under " + prefix + " (known: " + String.join(", ", target.keySet()) + ")");
                }
                throw new PolicyException("policy file " + source + ": unknown key '" + path + "'");
            }
            Object defaultValue = target.get(key);
            Object value = entry.getValue();
            if (defaultValue instanceof Map && value instanceof Map) {
                Map<String, Object> child = new LinkedHashMap<>((Map<String, Object>) defaultValue);
                merge(child, (Map<String, Object>) value, path, source);
                target.put(key, child);
            } else if (defaultValue instanceof Map) {
                throw new PolicyException("policy file " + source + ": '" + path + "' must be a mapping of keys to values");
            } else {
                target.put(key, value);
            }
        }
    }

    private Policy bind() {
        Policy.Institution institution = new Policy.Institution(
                string("institution.name"),
                domains("institution.email-domains"),
                zone("institution.timezone"),
                language("institution.language"));
        Map<Profile, Policy.ProfilePolicy> profiles = new EnumMap<>(Profile.class);
        Map<String, Profile> groupOwners = new LinkedHashMap<>();
        for (Profile profile : Profile.values()) {
            String path = "profiles." + profile.name();
            List<String> groups = strings(path + ".groups");
            for (String group : groups) {
                Profile other = groupOwners.putIfAbsent(group.toLowerCase(Locale.ROOT), profile);
                if (other != null && other != profile) {
                    throw error(path + ".groups", "group '" + group + "' is already mapped to profile " + other);
                }
            }
            profiles.put(profile, new Policy.ProfilePolicy(groups, bool(path + ".may-record"),
                    integer(path + ".recording-retention-days", 0, 36_500)));
        }
        String minimumVersion = string("clients.minimum-version");
        if (!VERSION.matcher(minimumVersion).matches() && !minimumVersion.equals(ClientMinimums.ZOOM_ENFORCED)) {
            throw error("clients.minimum-version", "'" + minimumVersion + "' is not a version like 5.17.0 nor "
                    + ClientMinimums.ZOOM_ENFORCED);
        }
        Policy.Intrusion intrusion = new Policy.Intrusion(
                integer("intrusion.min-joins", 2, 100_000),
                integer("intrusion.window-minutes", 1, 1_440),
                fraction("intrusion.min-unidentified-share"));
        Policy.Retention retention = new Policy.Retention(
                integer("retention.participant-days", 1, 36_500),
                integer("retention.sign-in-days", 1, 36_500),
                integer("retention.operation-log-days", 1, 36_500),
                integer("retention.quarantine-days", 1, 36_500),
                integer("retention.processed-file-days", 0, 36_500),
                integer("retention.deviation-days", 1, 36_500),
                integer("retention.report-days", 1, 36_500),
                integer("retention.inactive-account-days", 1, 36_500));
        Map<String, Policy.RuleSettings> rules = new LinkedHashMap<>();
        for (String code : map("rules").keySet()) {
            String path = "rules." + code;
            rules.put(code, new Policy.RuleSettings(bool(path + ".enabled"), severity(path + ".severity")));
        }
        Policy.Schedule schedule = new Policy.Schedule(cron("schedule.nightly"), cron("schedule.monthly-report"));
        return new Policy(
                institution,
                profiles,
                minimumVersion,
                bool("recording.allow-co-host"),
                integer("pmi.min-days", 1, 31),
                integer("reuse.min-sessions", 2, 10_000),
                intrusion,
                nonEmptyStrings("sensitive-topics.terms"),
                strings("identity.generic-names"),
                prefixes("identity.accepted-prefixes"),
                countries("transfers.adequate-countries"),
                bool("participants.pseudonymise-emails"),
                retention,
                rules,
                schedule);
    }

    private Object value(String path) {
        Object current = values;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                throw error(path, "is missing");
            }
            current = map.get(part);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String path) {
        Object value = value(path);
        if (!(value instanceof Map)) {
            throw error(path, "must be a mapping of keys to values");
        }
        return (Map<String, Object>) value;
    }

    private String string(String path) {
        Object value = value(path);
        if (value == null || value instanceof Map || value instanceof List) {
            throw error(path, "must be a single value");
        }
        String text = String.valueOf(value).strip();
        if (text.isEmpty()) {
            throw error(path, "must not be empty");
        }
        return text;
    }

    private boolean bool(String path) {
        Object value = value(path);
        if (!(value instanceof Boolean b)) {
            throw error(path, "'" + value + "' is not true or false");
        }
        return b;
    }

    private int integer(String path, int min, int max) {
        Object value = value(path);
        if (!(value instanceof Integer i)) {
            throw error(path, "'" + value + "' is not a whole number");
        }
        if (i < min || i > max) {
            throw error(path, i + " is out of range (" + min + " to " + max + ")");
        }
        return i;
    }

    private double fraction(String path) {
        Object value = value(path);
        if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
            throw error(path, "'" + value + "' is not a number between 0 and 1");
        }
        return n.doubleValue();
    }

    private List<String> strings(String path) {
        Object value = value(path);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error(path, "must be a list, like [a, b]");
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            if (item == null || item instanceof Map || item instanceof List || String.valueOf(item).isBlank()) {
                throw error(path, "has an empty or nested item");
            }
            result.add(String.valueOf(item).strip());
        }
        return List.copyOf(result);
    }

    private List<String> nonEmptyStrings(String path) {
        List<String> result = strings(path);
        if (result.isEmpty()) {
            throw error(path, "must list at least one term");
        }
        return result;
    }

    private List<String> domains(String path) {
        List<String> result = new ArrayList<>();
        for (String domain : strings(path)) {
            String lower = domain.toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(lower).matches()) {
                throw error(path, "'" + domain + "' is not a domain name like exemple.fr");
            }
            result.add(lower);
        }
        return List.copyOf(result);
    }

    /**
     * Regular expressions matched at the start of a display name (anchored when not already). They run in
     * PostgreSQL, whose syntax Java's mostly shares: each must compile here and avoid the constructs PostgreSQL
     * lacks ({@code \p} classes, possessive quantifiers, named groups).
     */
    private List<String> prefixes(String path) {
        List<String> result = new ArrayList<>();
        for (String prefix : strings(path)) {
            try {
                Pattern.compile(prefix);
            } catch (PatternSyntaxException e) {
                throw error(path, "'" + prefix + "' is not a regular expression: " + e.getDescription());
            }
            if (UNPORTABLE_REGEX.matcher(prefix).find()) {
                throw error(path, "'" + prefix + "' uses \\p classes, possessive quantifiers or named groups,"
                        + " which the database's regular expressions do not have");
            }
            result.add(prefix.startsWith("^") ? prefix : "^(?:" + prefix + ")");
        }
        return List.copyOf(result);
    }

    private Set<String> countries(String path) {
        Set<String> result = new LinkedHashSet<>();
        for (String code : strings(path)) {
            if (!COUNTRY.matcher(code).matches()) {
                throw error(path, "'" + code + "' is not a two-letter country code like CH");
            }
            result.add(code);
        }
        return Set.copyOf(result);
    }

    private ZoneId zone(String path) {
        String text = string(path);
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw error(path, "'" + text + "' is not a time zone like Europe/Paris");
        }
    }

    private Language language(String path) {
        String text = string(path);
        for (Language language : Language.values()) {
            if (language.code().equals(text.toLowerCase(Locale.ROOT))) {
                return language;
            }
        }
        throw error(path, "'" + text + "' is not en or fr");
    }

    private Severity severity(String path) {
        String text = string(path);
        return Optional.of(text.toUpperCase(Locale.ROOT))
                .filter(s -> s.equals("HIGH") || s.equals("MEDIUM") || s.equals("LOW"))
                .map(Severity::valueOf)
                .orElseThrow(() -> error(path, "'" + text + "' is not HIGH, MEDIUM or LOW"));
    }

    private String cron(String path) {
        String text = string(path);
        if (!CronExpression.isValidExpression(text)) {
            throw error(path, "'" + text + "' is not a cron expression (second minute hour day month weekday)");
        }
        return text;
    }

    private PolicyException error(String path, String problem) {
        return new PolicyException("policy file " + source + ": '" + path + "' " + problem);
    }
}
