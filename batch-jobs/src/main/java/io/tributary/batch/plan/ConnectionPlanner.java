package io.tributary.batch.plan;

import io.tributary.batch.config.ConnectionDefinition;
import io.tributary.batch.config.ConnectorDefinition;
import io.tributary.batch.config.StreamSelection;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.destination.Destination;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.connector.source.Source;
import io.tributary.normalization.NormalizationOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a declared connection into a {@link ConnectionPlan}: finds its connectors, validates their
 * settings, discovers the source's catalog and checks every stream selection against it, so that
 * a mistake is reported before any data moves.
 */
public final class ConnectionPlanner {

    private final ConnectorRegistry registry;

    public ConnectionPlanner(ConnectorRegistry registry) {
        this.registry = registry;
    }

    public Source source(ConnectorDefinition definition) {
        try {
            return registry.source(definition.type());
        } catch (ConfigException e) {
            throw new ConfigException(placeOfType(definition) + ": " + e.getMessage());
        }
    }

    public Destination destination(ConnectorDefinition definition) {
        try {
            return registry.destination(definition.type());
        } catch (ConfigException e) {
            throw new ConfigException(placeOfType(definition) + ": " + e.getMessage());
        }
    }

    private static String placeOfType(ConnectorDefinition definition) {
        return definition.place().replaceFirst("\\.config$", "") + ".type";
    }

    public ConnectorConfig sourceConfig(ConnectorDefinition definition) {
        return source(definition).spec().validate(definition.config(), definition.place());
    }

    public ConnectorConfig destinationConfig(ConnectorDefinition definition) {
        return destination(definition).spec().validate(definition.config(), definition.place());
    }

    public ConnectionPlan plan(TributaryConfig config, String connectionName) {
        ConnectionDefinition connection = config.connection(connectionName);
        ConnectorDefinition sourceDef = config.source(connection.source());
        ConnectorDefinition destinationDef = config.destination(connection.destination());
        Source source = source(sourceDef);
        Destination destination = destination(destinationDef);
        List<String> problems = new ArrayList<>();
        ConnectorConfig sourceConfig = null;
        ConnectorConfig destinationConfig = null;
        try {
            sourceConfig = source.spec().validate(sourceDef.config(), sourceDef.place());
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            destinationConfig = destination.spec().validate(destinationDef.config(), destinationDef.place());
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Catalog catalog = source.discover(sourceConfig);
        List<ConfiguredStream> streams = configure(connection, sourceDef.name(), catalog);
        NormalizationOptions normalization = new NormalizationOptions(connection.maxDepth(), destination.naming())
                .withMode(connection.normalization());
        return new ConnectionPlan(
                connection.name(),
                source,
                sourceConfig,
                destination,
                destinationConfig,
                streams,
                connection.chunkSize(),
                normalization);
    }

    List<ConfiguredStream> configure(ConnectionDefinition connection, String sourceName, Catalog catalog) {
        List<String> problems = new ArrayList<>();
        List<ConfiguredStream> out = new ArrayList<>();
        List<StreamSelection> selections = connection.streams();
        if (selections.isEmpty()) {
            for (Stream s : catalog.streams()) {
                selections = new ArrayList<>(selections);
                selections.add(new StreamSelection(
                        s.qualifiedName(),
                        true,
                        SyncMode.FULL_REFRESH,
                        DestinationSyncMode.OVERWRITE,
                        List.of(),
                        List.of(),
                        connection.place() + ".streams"));
            }
        }
        for (StreamSelection sel : selections) {
            if (!sel.selected()) {
                continue;
            }
            Stream stream = catalog.find(sel.name()).orElse(null);
            if (stream == null) {
                problems.add(sel.place() + ".name: stream '" + sel.name() + "' not found in source '" + sourceName
                        + "'; available streams: "
                        + catalog.streams().stream().map(Stream::qualifiedName).toList());
                continue;
            }
            if (!stream.supportedSyncModes().contains(sel.syncMode())) {
                problems.add(sel.place() + ".sync_mode: stream '" + sel.name() + "' does not support "
                        + sel.syncMode().wireName() + "; supported: "
                        + stream.supportedSyncModes().stream()
                                .map(SyncMode::wireName)
                                .toList());
                continue;
            }
            List<String> cursor = sel.cursorField().isEmpty() ? stream.defaultCursorField() : sel.cursorField();
            if (sel.syncMode() == SyncMode.INCREMENTAL && !stream.sourceDefinedCursor()) {
                if (cursor.isEmpty()) {
                    problems.add(sel.place() + ".cursor_field: required for incremental sync of '" + sel.name()
                            + "'; candidates: " + stream.cursorCandidates());
                    continue;
                }
                if (!stream.jsonSchema().path("properties").has(cursor.get(0))) {
                    problems.add(sel.place() + ".cursor_field: '" + cursor.get(0) + "' is not a field of stream '"
                            + sel.name() + "'; candidates: " + stream.cursorCandidates());
                    continue;
                }
            }
            List<List<String>> pk = sel.primaryKey().isEmpty() ? stream.sourceDefinedPrimaryKey() : sel.primaryKey();
            if (sel.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP && pk.isEmpty()) {
                problems.add(sel.place() + ".primary_key: append_dedup needs a primary key and stream '" + sel.name()
                        + "' has none; set primary_key, or use append");
                continue;
            }
            for (List<String> part : pk) {
                if (!stream.jsonSchema().path("properties").has(part.get(0))) {
                    problems.add(sel.place() + ".primary_key: '" + part.get(0) + "' is not a field of stream '"
                            + sel.name() + "'");
                }
            }
            String namespace = switch (connection.namespaceDefinition()) {
                case SOURCE -> stream.namespace();
                case DESTINATION -> null;
                case CUSTOM_FORMAT ->
                    connection
                            .namespaceFormat()
                            .replace("${SOURCE_NAMESPACE}", stream.namespace() == null ? "" : stream.namespace());
            };
            out.add(new ConfiguredStream(
                    stream,
                    sel.syncMode(),
                    sel.destinationSyncMode(),
                    sel.syncMode() == SyncMode.INCREMENTAL ? cursor : List.of(),
                    pk,
                    namespace,
                    connection.prefix() + stream.name()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        if (out.isEmpty()) {
            throw new ConfigException(connection.place() + ".streams: no stream is selected; select at least one");
        }
        return out;
    }
}
