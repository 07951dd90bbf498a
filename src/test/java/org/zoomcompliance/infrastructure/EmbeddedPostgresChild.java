package org.zoomcompliance.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/** A child JVM for {@link EmbeddedPostgresServerTest}: starts the cluster, writes a row, then waits to be killed. */
public final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        EmbeddedPostgres postgres = EmbeddedPostgresServer.start(data, data.resolveSibling("postgres.log"));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists survivor (note text)");
            statement.execute("insert into survivor values ('written before the kill')");
        }
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
