package io.tributary.server.cli;

import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncResult;
import picocli.CommandLine.Command;

/** {@code tributary restart}: resumes the last failed sync of a connection. */
@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description =
                "Restart the last sync of a connection that failed, was stopped or whose process died: completed "
                        + "streams are skipped and the failed stream resumes after its last committed chunk. A completed sync is not re-run.")
final class RestartCommand extends ConnectionRunCommand {

    @Override
    SyncResult run(SyncEngine engine, TributaryConfig config, String connection) {
        return engine.restart(config, connection);
    }
}
