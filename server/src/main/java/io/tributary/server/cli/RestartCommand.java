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

/** {@code tributary restart}: resumes the last failed sync of a connection. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restart the last sync of a connection that failed, was stopped or whose process died: completed "
                + "streams are skipped and the failed stream resumes after its last committed chunk. A completed sync is not re-run.")
final class RestartCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Option(names = "--connection", required = true, paramLabel = "NAME", description = "Name of a connection in the connections file.")
    String connection;

    @Mixin
    RepositoryOptions repository;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TributaryConfig cfg = config.load();
        cfg.connection(connection);
        try (RepositoryOptions.OpenRepository repo = repository.open()) {
            SyncEngine engine = SyncEngine.create(repo.dataSource(), ConnectorRegistry.load(), Duration.ofSeconds(5));
            return SyncOutput.print(engine.restart(cfg, connection), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
