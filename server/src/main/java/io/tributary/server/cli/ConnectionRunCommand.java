package io.tributary.server.cli;

import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncResult;
import io.tributary.connector.registry.ConnectorRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What {@code sync} and {@code restart} share: a connection from a connections file run on the job repository. */
abstract class ConnectionRunCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Option(
            names = "--connection",
            required = true,
            paramLabel = "NAME",
            description = "Name of a connection in the connections file.")
    String connection;

    @Option(
            names = "--progress-interval",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    int progressSeconds;

    @Mixin
    RepositoryOptions repository;

    @Spec
    CommandSpec spec;

    abstract SyncResult run(SyncEngine engine, TributaryConfig config, String connection);

    @Override
    public Integer call() {
        TributaryConfig cfg = config.load();
        cfg.connection(connection);
        try (RepositoryOptions.OpenRepository repo = repository.open()) {
            SyncEngine engine =
                    SyncEngine.create(repo.dataSource(), ConnectorRegistry.load(), Duration.ofSeconds(progressSeconds));
            return SyncOutput.print(
                    run(engine, cfg, connection),
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
