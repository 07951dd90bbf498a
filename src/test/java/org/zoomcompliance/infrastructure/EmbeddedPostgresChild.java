package org.zoomcompliance.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zoomcompliance.ZoomComplianceApplication;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.support.ChildJvm;

/**
 * A child JVM for the embedded-server tests, {@code MODE HOME}. {@code server}: opens the home's cluster, writes a
 * row, prints {@code READY}, then answers each {@code query} line read on its input with {@code QUERIED n} (the rows
 * of that table) and closes when its input ends. {@code app}: starts the whole application on the home (as
 * {@code serve} would), prints {@code READY}, and closes when its input ends. {@code app-once}: starts the
 * application, prints {@code READY n} (the migrations applied) and closes at once.
 */
public final class EmbeddedPostgresChild {

    /** Starts the child in a mode on a home folder. */
    static ChildJvm start(String mode, HomeFolder home) throws IOException {
        return ChildJvm.start(EmbeddedPostgresChild.class, List.of("-Xmx256m"), List.of(mode, home.root().toString()));
    }


    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        HomeFolder home = HomeFolder.resolve(args[1]).create();
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (args[0].equals("server")) {
            try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.open(home, TestServers.suiteOptions())) {
                postgres.admitOthers();
                try (Connection connection = postgres.dataSource().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("create table if not exists survivor (note text)");
                    statement.execute("insert into survivor values ('written before the kill')");
                }
                ready("READY");
                for (String line; (line = input.readLine()) != null; ) {
                    try (Connection connection = postgres.dataSource().getConnection();
                            Statement statement = connection.createStatement();
                            ResultSet rows = statement.executeQuery("select count(*) from survivor")) {
                        rows.next();
                        ready("QUERIED " + rows.getLong(1));
                    }
                }
            }
            return;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ZoomComplianceApplication.class)
                .web(WebApplicationType.NONE)
                .properties(HomeFolder.PROPERTY + "=" + home.root())
                .run()) {
            if (args[0].equals("app-once")) {
                ready("READY " + context.getBean(JdbcTemplate.class)
                        .queryForObject("select count(*) from flyway_schema_history where success", Long.class));
                return;
            }
            ready("READY");
            while (input.readLine() != null) {
                // held open until the parent closes this JVM's input
            }
        }
    }

    private static void ready(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
