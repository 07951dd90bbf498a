package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ZoomComplianceApplication;
import org.zoomcompliance.config.HomeFolder;

/** Who can reach the running embedded server, and with what rights; how durably it writes; where its binaries are. */
class EmbeddedPostgresAccessTest {

    @Test
    void aClientWithoutTheServicesSecretIsRefused() throws Exception {
        // given the running embedded server of a home
        HomeFolder home = TestServers.newHome();
        try (EmbeddedPostgresServer postgres = TestServers.open(home)) {
            int port = postgres.port();
            String superuserPassword = Files.readString(home.postgresPrivate().resolve("superuser-password")).trim();

            // when another local account tries it, then: the superuser, without a password or even with its own
            assertRefused(port, "postgres", "postgres", null);
            assertRefused(port, "template1", "postgres", null);
            assertRefused(port, "zoom_compliance", "postgres", superuserPassword);
            // the service's role without its password, with a wrong one, or to another database
            assertRefused(port, "zoom_compliance", "zoom_compliance", null);
            assertRefused(port, "zoom_compliance", "zoom_compliance", "zoom_compliance");
            assertRefused(port, "postgres", "zoom_compliance", postgres.password());
            // the IPv6 loopback and a Unix socket are not listened on at all
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://[::1]:" + port + "/zoom_compliance",
                    credentials("zoom_compliance", postgres.password()))).isInstanceOf(SQLException.class);
            String hba = Files.readString(home.postgres().resolve("pg_hba.conf"));
            assertThat(hba.lines().filter(line -> !line.startsWith("#"))).noneMatch(line -> line.contains("trust"));

            // and the service's own role is no superuser: it reads no server file and runs no program
            JdbcTemplate jdbc = new JdbcTemplate(postgres.dataSource());
            assertThat(jdbc.queryForObject("select rolsuper or rolcreaterole or rolcreatedb or rolreplication or rolbypassrls"
                    + " from pg_roles where rolname = current_user", Boolean.class)).isFalse();
            assertThatThrownBy(() -> jdbc.queryForObject("select pg_read_binary_file('"
                    + home.postgres().resolve("PG_VERSION") + "')", byte[].class))
                    .rootCause().hasMessageContaining("permission denied for function pg_read_binary_file");
            assertThatThrownBy(() -> jdbc.queryForObject("select pg_read_file('postgresql.conf')", String.class))
                    .rootCause().hasMessageContaining("permission denied");
            jdbc.execute("create table probe (line text)");
            assertThatThrownBy(() -> jdbc.execute("copy probe from program 'id'"))
                    .rootCause().hasMessageContaining("external program");
            assertThatThrownBy(() -> jdbc.execute("copy probe to program 'cat'"))
                    .rootCause().hasMessageContaining("external program");
            assertThatThrownBy(() -> jdbc.execute("copy probe to '/tmp/zoom-compliance-probe'"))
                    .rootCause().hasMessageContaining("COPY to a file");
            // what it owns, it may empty (retention and tests rely on that)
            jdbc.execute("truncate probe");

            // and the secrets are the account's alone
            assertThat(mode(home.postgresPrivate())).isEqualTo("rwx------");
            assertThat(mode(home.postgresPrivate().resolve("superuser-password"))).isEqualTo("rw-------");
            assertThat(mode(home.postgresPrivate().resolve("service-password"))).isEqualTo("rw-------");
            assertThat(mode(home.postgres())).isEqualTo("rwx------");
        }
    }

    @Test
    void theProductsClusterWritesDurablyAndRunsBinariesCheckedUnderTheHome() throws Exception {
        // given the application started on a fresh home with the product's settings: neither the suite's relaxed
        // durability nor its shared binaries (command-line arguments outrank the suite's environment)
        HomeFolder home = TestServers.newHome();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ZoomComplianceApplication.class)
                .web(WebApplicationType.NONE)
                .properties(HomeFolder.PROPERTY + "=" + home.root())
                .run("--zoom-compliance.database.test-only-relaxed-durability=false", "--zoom-compliance.database.binaries=")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            // then every commit reaches the disk, and the server listens on the loopback address only
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("127.0.0.1");
            // (which the service's role may not even examine: the pid file says no socket directory)
            assertThat(Files.readAllLines(home.postgres().resolve("postmaster.pid")).get(4)).isEmpty();
            assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("zoom_compliance");
        }

        // and its binaries were unpacked in the home's owner-only folder, not the shared temporary folder
        Path installation = installation(home);
        assertThat(mode(home.postgresBinaries())).isEqualTo("rwx------");
        Path pgCtl = installation.resolve("bin/pg_ctl");
        long size = Files.size(pgCtl);

        // when one of them is changed
        Files.writeString(pgCtl, "#!/bin/sh\necho swapped\n", StandardOpenOption.APPEND);

        // then the next start notices, unpacks them again, and runs
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.open(home)) {
            assertThat(new JdbcTemplate(postgres.dataSource()).queryForObject("select 1", Integer.class)).isEqualTo(1);
        }
        assertThat(Files.size(installation(home).resolve("bin/pg_ctl"))).isEqualTo(size);

        // when a file is changed in place, its size and modification time kept (what a careful swap would do)
        Path postgres = installation(home).resolve("bin/postgres");
        byte[] original = Files.readAllBytes(postgres);
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(postgres);
        byte[] swapped = original.clone();
        swapped[swapped.length / 2] ^= 0x5A;
        Files.write(postgres, swapped);
        Files.setLastModifiedTime(postgres, modified);

        // then the next start notices it too (its change time moved), unpacks them again, and runs
        try (EmbeddedPostgresServer postgresServer = EmbeddedPostgresServer.open(home)) {
            assertThat(new JdbcTemplate(postgresServer.dataSource()).queryForObject("select 1", Integer.class))
                    .isEqualTo(1);
        }
        assertThat(Files.readAllBytes(installation(home).resolve("bin/postgres"))).isEqualTo(original);
    }

    private static Path installation(HomeFolder home) throws Exception {
        try (Stream<Path> installations = Files.list(home.postgresBinaries())) {
            return installations.filter(Files::isDirectory).filter(path -> path.getFileName().toString().startsWith("PG-"))
                    .findFirst().orElseThrow();
        }
    }

    private static void assertRefused(int port, String database, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                credentials(user, password)).close())
                .as("%s to %s with %s", user, database, password == null ? "no password" : "a password")
                // refused by the server (28...), or, asked for a password, the client had none to give (08004)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).matches("28...|08004"));
    }

    private static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        return properties;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
