package io.tributary.server.cli;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.registry.ConnectorRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/** {@code tributary spec TYPE [--manifest FILE]}: prints a connector's configuration as JSON Schema. */
@Command(
        name = "spec",
        mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of a connector's settings. Without TYPE, list the installed connectors.")
final class SpecCommand implements Runnable {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "TYPE",
            description = "Connector type, e.g. file, postgres, local, s3.")
    String type;

    @Option(
            names = "--destination",
            description = "TYPE names a destination (when a source and a destination share a type name).")
    boolean destination;

    @Option(
            names = "--manifest",
            paramLabel = "FILE",
            description =
                    "For a source defined by a file (declarative): print the "
                            + "settings that file asks for (an Airbyte manifest's connection_specification) instead of the connector's own.")
    Path manifest;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ConnectorRegistry registry = ConnectorRegistry.load();
        if (type == null) {
            spec.commandLine()
                    .getOut()
                    .println("sources:      "
                            + String.join(
                                    ", ",
                                    registry.sources().keySet().stream()
                                            .sorted()
                                            .toList()));
            spec.commandLine()
                    .getOut()
                    .println("destinations: "
                            + String.join(
                                    ", ",
                                    registry.destinations().keySet().stream()
                                            .sorted()
                                            .toList()));
            return;
        }
        ConfigSpec config;
        if (!registry.sources().containsKey(type) && !registry.destinations().containsKey(type)) {
            throw new ConfigException("unknown connector type '" + type + "'; source types: "
                    + registry.sources().keySet().stream().sorted().toList() + ", destination types: "
                    + registry.destinations().keySet().stream().sorted().toList());
        }
        if (manifest != null) {
            if (destination || !registry.sources().containsKey(type)) {
                throw new ConfigException(
                        "--manifest: only a source is defined by a file; '" + type + "' is no source");
            }
            ObjectNode definition = registry.source(type)
                    .definitionSpec(manifest)
                    .orElseThrow(() -> new ConfigException(
                            "--manifest: source '" + type + "' is not defined by a file; use it without --manifest"));
            spec.commandLine().getOut().println(Json.pretty(definition));
            return;
        }
        if (!destination && registry.sources().containsKey(type)) {
            config = registry.source(type).spec();
        } else {
            config = registry.destination(type).spec();
        }
        spec.commandLine().getOut().println(Json.pretty(config.toJsonSchema()));
    }
}
