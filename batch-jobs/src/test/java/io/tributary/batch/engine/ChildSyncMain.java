package io.tributary.batch.engine;

import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.repository.RepositoryDataSource;
import io.tributary.connector.registry.ConnectorRegistry;

/** Runs one sync or restart in its own JVM, so that a test can kill it with kill -9. */
public final class ChildSyncMain {

    private ChildSyncMain() {
    }

    /** Arguments: sync|restart, repository JDBC URL, user, connections file, connection name. */
    public static void main(String[] args) {
        try (HikariDataSource ds = RepositoryDataSource.create(args[1], args[2], System.getenv("CHILD_PG_PASSWORD"))) {
            SyncEngine engine = SyncEngine.create(ds, ConnectorRegistry.load(), Duration.ofSeconds(1));
            TributaryConfig config = new ConnectionsFileLoader().load(Path.of(args[3]));
            SyncResult result = "restart".equals(args[0]) ? engine.restart(config, args[4]) : engine.sync(config, args[4]);
            System.out.println("RESULT " + result.status() + " " + result.records());
            System.exit(result.succeeded() ? 0 : 1);
        }
    }
}
