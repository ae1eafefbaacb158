package io.tributary.server.cli;

import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by commands that read a connections file. */
public final class ConfigFileOption {

    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "Connections file (YAML) with sources, destinations and connections. "
                    + "Secrets may be written as ${env:NAME}.")
    Path file;

    public TributaryConfig load() {
        return new ConnectionsFileLoader().load(file);
    }
}
