package io.tributary.batch.engine;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.repository.RepositoryDataSource;
import io.tributary.connector.registry.ConnectorRegistry;
import java.nio.file.Path;
import java.time.Duration;

/** Runs one sync or restart in its own JVM, so that a test can kill it with kill -9. */
public final class ChildSyncMain {

    private ChildSyncMain() {}

    /**
     * Starts {@code mode} (sync or restart) of {@code connection} in a new JVM on this test's class
     * path, its output going to {@code log}.
     */
    public static Process start(
            String mode,
            String repositoryUrl,
            String user,
            String password,
            java.nio.file.Path config,
            String connection,
            java.nio.file.Path log)
            throws java.io.IOException {
        java.util.List<String> command = java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ChildSyncMain.class.getName(),
                mode,
                repositoryUrl,
                user,
                config.toString(),
                connection);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("CHILD_PG_PASSWORD", password);
        pb.redirectOutput(log.toFile());
        return pb.start();
    }

    /** Arguments: sync|restart, repository JDBC URL, user, connections file, connection name. */
    public static void main(String[] args) {
        try (HikariDataSource ds = RepositoryDataSource.create(args[1], args[2], System.getenv("CHILD_PG_PASSWORD"))) {
            SyncEngine engine = SyncEngine.create(ds, ConnectorRegistry.load(), Duration.ofSeconds(1));
            TributaryConfig config = new ConnectionsFileLoader().load(Path.of(args[3]));
            SyncResult result =
                    "restart".equals(args[0]) ? engine.restart(config, args[4]) : engine.sync(config, args[4]);
            System.out.println("RESULT " + result.status() + " " + result.records());
            System.exit(result.succeeded() ? 0 : 1);
        }
    }
}
