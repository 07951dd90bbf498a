package org.zoomcompliance.web;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.zoomcompliance.config.HomeFolder;

/**
 * The console's users: from configuration ({@code zoom-compliance.users[N].name}, {@code .password-hash} (BCrypt),
 * {@code .roles} (DPO, OPERATOR)), else from {@code users.yml} in the home folder. On a fresh home with neither, an
 * {@code admin} with both roles is created there with a generated password, kept only as its BCrypt hash; the
 * password itself is handed out once, for {@code serve} to print.
 */
public final class WebUsers {

    /** The users file in the home folder. */
    public static final String FILE = "users.yml";
    /** The configuration prefix of users. */
    public static final String PROPERTY = "zoom-compliance.users";
    /** The console's roles. */
    public static final Set<String> ROLES = Set.of("DPO", "OPERATOR");

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    /** One configured user. */
    public record Entry(String name, String passwordHash, List<String> roles) {
    }

    private final List<UserDetails> users;
    private final AtomicReference<String> initialPassword = new AtomicReference<>();

    private WebUsers(List<Entry> entries, String initialPassword) {
        this.users = entries.stream().map(WebUsers::details).toList();
        this.initialPassword.set(initialPassword);
    }

    /** The users of this configuration, creating the initial admin in the home folder if there are none. */
    public static WebUsers load(Environment environment, HomeFolder home) {
        List<Entry> configured = Binder.get(environment).bind(PROPERTY, Bindable.listOf(Entry.class)).orElse(List.of());
        if (!configured.isEmpty()) {
            return new WebUsers(configured, null);
        }
        Path file = home.root().resolve(FILE);
        if (Files.exists(file)) {
            return new WebUsers(read(file), null);
        }
        String password = generatePassword();
        Entry admin = new Entry("admin", new BCryptPasswordEncoder().encode(password), List.of("DPO", "OPERATOR"));
        write(file, admin);
        return new WebUsers(List.of(admin), password);
    }

    public List<UserDetails> users() {
        return users;
    }

    /** The generated admin password, the first time only (nothing when users were configured). */
    public Optional<String> takeInitialPassword() {
        return Optional.ofNullable(initialPassword.getAndSet(null));
    }

    private static UserDetails details(Entry entry) {
        if (entry.name() == null || !NAME.matcher(entry.name()).matches()) {
            throw new IllegalStateException("web user '" + entry.name() + "': the name must be 1-64 letters, digits or ._@-");
        }
        if (entry.passwordHash() == null || !BCRYPT.matcher(entry.passwordHash()).matches()) {
            throw new IllegalStateException("web user '" + entry.name() + "': password-hash must be a BCrypt hash");
        }
        List<String> roles = entry.roles() == null ? List.of() : entry.roles();
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalStateException("web user '" + entry.name() + "': roles must be DPO and/or OPERATOR, not " + roles);
        }
        return User.withUsername(entry.name()).password("{bcrypt}" + entry.passwordHash())
                .roles(roles.toArray(String[]::new)).build();
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(document instanceof Map<?, ?> map) || !(map.get("users") instanceof List<?> list)) {
                throw new IllegalStateException(file + ": expected a 'users:' list");
            }
            return list.stream().map(item -> {
                if (!(item instanceof Map<?, ?> user)) {
                    throw new IllegalStateException(file + ": each user needs name, password-hash and roles");
                }
                Object roles = user.get("roles");
                return new Entry(String.valueOf(user.get("name")), String.valueOf(user.get("password-hash")),
                        roles instanceof List<?> names ? names.stream().map(String::valueOf).toList() : List.of());
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, Entry admin) {
        String text = "# Users of the zoom-compliance web console: BCrypt hashes only; roles DPO and/or OPERATOR.\n"
                + "# A hash: htpasswd -bnBC 10 \"\" 'the password' | tr -d ':\\n'\n"
                + "users:\n"
                + "  - name: " + admin.name() + "\n"
                + "    password-hash: \"" + admin.passwordHash() + "\"\n"
                + "    roles: [DPO, OPERATOR]\n";
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String generatePassword() {
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
