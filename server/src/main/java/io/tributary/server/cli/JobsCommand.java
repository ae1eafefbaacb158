package io.tributary.server.cli;

import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncResult;
import io.tributary.connector.registry.ConnectorRegistry;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary jobs}: the sync history of a connection. */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        description = "List the newest syncs of a connection, newest first.")
final class JobsCommand implements Runnable {

    @Option(names = "--connection", required = true, paramLabel = "NAME", description = "Connection name.")
    String connection;

    @Option(
            names = "--limit",
            defaultValue = "20",
            paramLabel = "N",
            description = "How many syncs to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    RepositoryOptions repository;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        try (RepositoryOptions.OpenRepository repo = repository.open()) {
            SyncEngine engine = SyncEngine.create(repo.dataSource(), ConnectorRegistry.load(), Duration.ofSeconds(5));
            List<SyncResult> history = engine.history(connection, limit);
            var out = spec.commandLine().getOut();
            if (history.isEmpty()) {
                out.println("no syncs of " + connection + " yet");
                return;
            }
            out.printf(
                    Locale.ROOT,
                    "%-8s %-8s %-10s %-19s %10s %14s %10s%n",
                    "job",
                    "sync",
                    "status",
                    "started",
                    "seconds",
                    "records",
                    "bytes");
            for (SyncResult r : history) {
                out.printf(
                        Locale.ROOT,
                        "%-8d %-8d %-10s %-19s %10.1f %,14d %10s%n",
                        r.jobExecutionId(),
                        r.jobInstanceId(),
                        r.status().toLowerCase(Locale.ROOT),
                        r.startTime() == null
                                ? ""
                                : r.startTime()
                                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                                        .substring(0, 19),
                        r.duration().toMillis() / 1000.0,
                        r.records(),
                        SyncOutput.bytes(r.bytes()));
            }
        }
    }
}
