package org.zoomcompliance.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
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
            } else if (defaultValue instanceof List && value != null && !(value instanceof List)) {
                throw new PolicyException("policy file " + source + ": '" + path + "' must be a list, like [a, b]");
            } else {
                target.put(key, value);
            }
        }
    }

    /**
     * Binds the merged values onto {@link Policy} with Boot's {@code Binder}, then checks them: the shapes by Bean
     * Validation (the record's constraints), and what an annotation cannot say (groups mapped to one profile only,
     * cron expressions, prefixes PostgreSQL can run) here. Every refusal names the file and the key.
     */
    private Policy bind() {
        Map<String, String> properties = new LinkedHashMap<>();
        bindable(values, "", properties);
        Policy policy;
        try {
            policy = new Binder(new MapConfigurationPropertySource(properties))
                    .bindOrCreate("", Bindable.of(Policy.class));
        } catch (BindException e) {
            throw unreadable(e);
        }
        Set<ConstraintViolation<Policy>> violations = VALIDATOR.validate(policy);
        if (!violations.isEmpty()) {
            ConstraintViolation<Policy> first = violations.stream()
                    .min(Comparator.comparing(violation -> violation.getPropertyPath().toString())).orElseThrow();
            Object value = first.getInvalidValue();
            // the value itself when it is one (a number as written, text quoted), not a whole list
            throw error(keyOf(first.getPropertyPath()), (value == null || value instanceof java.util.Collection ? ""
                    : value instanceof Number ? value + " " : "'" + value + "' ") + first.getMessage());
        }
        check(policy);
        return policy;
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    /**
     * The merged values as Binder properties: {@code a.b-c} for keys, {@code [i]} for list items, and brackets around
     * the names of profiles and rule codes, which are names rather than keys and keep their case.
     */
    @SuppressWarnings("unchecked")
    private void bindable(Map<String, Object> map, String prefix, Map<String, String> into) {
        boolean named = NAMED_MAPS.contains(prefix);
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = prefix.isEmpty() ? entry.getKey() : named ? prefix + "[" + entry.getKey() + "]"
                    : prefix + "." + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                bindable((Map<String, Object>) nested, key, into);
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (item == null || item instanceof Map || item instanceof List) {
                        throw error(plain(key), "has an empty or nested item");
                    }
                    into.put(key + "[" + i + "]", String.valueOf(item));
                }
            } else {
                into.put(key, value == null ? "" : String.valueOf(value));
            }
        }
    }

    /** A value the Binder could not convert to its key's type. */
    private PolicyException unreadable(BindException e) {
        String key = plain(e.getName().toString());
        Object value = e.getProperty() == null ? null : e.getProperty().getValue();
        Class<?> type = e.getTarget().getType().resolve(Object.class);
        return error(key, "'" + value + "' " + expected(type));
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "is not a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "is not true or false";
        }
        if (type == double.class || type == Double.class) {
            return "is not a number";
        }
        if (type == ZoneId.class) {
            return "is not a time zone like Europe/Paris";
        }
        if (type.isEnum()) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                    .map(constant -> type == Language.class ? ((Language) constant).code() : constant.toString())
                    .toList();
            return "is not " + String.join(", ", names.subList(0, names.size() - 1)) + " or "
                    + names.get(names.size() - 1);
        }
        return "cannot be read as " + type.getSimpleName();
    }

    /** The policy file's spelling of a violation's path: {@code retention.sign-in-days}, {@code rules.X.severity}. */
    private static String keyOf(jakarta.validation.Path path) {
        StringJoiner key = new StringJoiner(".");
        for (jakarta.validation.Path.Node node : path) {
            if (node.isInIterable() && node.getKey() != null) {
                key.add(String.valueOf(node.getKey()));
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                key.add(kebab(node.getName()));
            }
        }
        return key.toString();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** {@code rules[X].severity} as the file says it, {@code rules.X.severity}; list indexes dropped. */
    private static String plain(String bindable) {
        return bindable.replaceAll("\\[(\\d+)]", "").replaceAll("\\[([^]]+)]", ".$1");
    }

    private void check(Policy policy) {
        Map<String, Profile> groupOwners = new LinkedHashMap<>();
        policy.profiles().forEach((profile, settings) -> {
            for (String group : settings.groups()) {
                Profile other = groupOwners.putIfAbsent(group.toLowerCase(Locale.ROOT), profile);
                if (other != null && other != profile) {
                    throw error("profiles." + profile + ".groups", "group '" + group
                            + "' is already mapped to profile " + other);
                }
            }
        });
        for (String prefix : policy.identity().acceptedPrefixes()) {
            try {
                Pattern.compile(prefix);
            } catch (PatternSyntaxException e) {
                throw error("identity.accepted-prefixes", "'" + prefix + "' is not a regular expression: "
                        + e.getDescription());
            }
            if (UNPORTABLE_REGEX.matcher(prefix).find()) {
                throw error("identity.accepted-prefixes", "'" + prefix + "' uses \\p classes, possessive"
                        + " quantifiers or named groups, which the database's regular expressions do not have");
            }
        }
        cron("schedule.nightly", policy.schedule().nightly());
        cron("schedule.monthly-report", policy.schedule().monthlyReport());
    }

    private void cron(String path, String text) {
        if (!CronExpression.isValidExpression(text)) {
            throw error(path, "'" + text + "' is not a cron expression (second minute hour day month weekday)");
        }
    }

    private PolicyException error(String path, String problem) {
        return new PolicyException("policy file " + source + ": '" + path + "' " + problem);
    }
}
