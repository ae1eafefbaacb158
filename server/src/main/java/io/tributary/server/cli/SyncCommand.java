package io.tributary.server.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.connector.registry.ConnectorRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tributary sync}: runs a connection once. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Run a connection: read its streams from the source, normalize them and load them into the destination. "
                + "Prints a progress line per stream every few seconds and a summary at the end.")
final class SyncCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Option(names = "--connection", required = true, paramLabel = "NAME", description = "Name of a connection in the connections file.")
    String connection;

    @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
    int progressSeconds;

    @Mixin
    RepositoryOptions repository;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TributaryConfig cfg = config.load();
        cfg.connection(connection);
        try (RepositoryOptions.OpenRepository repo = repository.open()) {
            SyncEngine engine = SyncEngine.create(repo.dataSource(), ConnectorRegistry.load(), Duration.ofSeconds(progressSeconds));
            return SyncOutput.print(engine.sync(cfg, connection), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
