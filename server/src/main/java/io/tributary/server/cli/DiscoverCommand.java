package io.tributary.server.cli;

import io.tributary.batch.config.ConnectorDefinition;
import io.tributary.batch.plan.ConnectionPlanner;
import io.tributary.connector.catalog.CatalogJson;
import io.tributary.connector.registry.ConnectorRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary discover}: prints a source's catalog. */
@Command(
        name = "discover",
        mixinStandardHelpOptions = true,
        description = "Print the streams a source offers (JSON Schema, primary keys, cursor candidates, sync modes).")
final class DiscoverCommand implements Runnable {

    @Mixin
    ConfigFileOption config;

    @Option(
            names = "--source",
            required = true,
            paramLabel = "NAME",
            description = "Name of a source in the connections file.")
    String source;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ConnectorDefinition def = config.load().source(source);
        ConnectionPlanner planner = new ConnectionPlanner(ConnectorRegistry.load());
        spec.commandLine()
                .getOut()
                .println(Json.pretty(CatalogJson.toProtocol(planner.source(def).discover(planner.sourceConfig(def)))));
    }
}
