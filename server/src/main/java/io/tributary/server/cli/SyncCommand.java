package io.tributary.server.cli;

import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncResult;
import picocli.CommandLine.Command;

/** {@code tributary sync}: runs a connection once. */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description =
                "Run a connection: read its streams from the source, normalize them and load them into the destination. "
                        + "Prints a progress line per stream every few seconds and a summary at the end.")
final class SyncCommand extends ConnectionRunCommand {

    @Override
    SyncResult run(SyncEngine engine, TributaryConfig config, String connection) {
        return engine.sync(config, connection);
    }
}
