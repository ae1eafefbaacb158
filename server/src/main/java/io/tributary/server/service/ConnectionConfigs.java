package io.tributary.server.service;

import io.tributary.batch.config.ConnectionDefinition;
import io.tributary.batch.config.ConnectorDefinition;
import io.tributary.batch.config.NamespaceDefinition;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.server.store.Actor;
import io.tributary.server.store.ActorKind;
import io.tributary.server.store.ActorStore;
import io.tributary.server.store.ConnectionRecord;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A stored connection as the engine takes it: a {@link TributaryConfig} whose source, destination
 * and connection are named by their ids, so that the connection's Spring Batch job is named by its
 * id too (stable across renames, unique across workspaces).
 */
@Component
public class ConnectionConfigs {

    private final ActorStore actors;

    public ConnectionConfigs(ActorStore actors) {
        this.actors = actors;
    }

    public TributaryConfig of(ConnectionRecord connection) {
        Actor source = actors.findAny(connection.sourceId())
                .orElseThrow(() -> new IllegalStateException(
                        "source " + connection.sourceId() + " of connection " + connection.id() + " is gone"));
        Actor destination = actors.findAny(connection.destinationId())
                .orElseThrow(() -> new IllegalStateException("destination " + connection.destinationId() + " is gone"));
        return of(connection, source, destination);
    }

    public static TributaryConfig of(ConnectionRecord connection, Actor source, Actor destination) {
        ConnectorDefinition src = definition(source);
        ConnectorDefinition dst = definition(destination);
        ConnectionDefinition definition = new ConnectionDefinition(
                connection.id().toString(),
                src.name(),
                dst.name(),
                NamespaceDefinition.parse(connection.namespaceDefinition()),
                connection.namespaceFormat() == null ? "${SOURCE_NAMESPACE}" : connection.namespaceFormat(),
                connection.prefix(),
                connection.chunkSize(),
                10,
                SyncCatalogs.selections(connection.syncCatalog()),
                "connection");
        return new TributaryConfig(
                Map.of(src.name(), src), Map.of(dst.name(), dst), Map.of(definition.name(), definition));
    }

    private static ConnectorDefinition definition(Actor actor) {
        String kind = actor.kind() == ActorKind.SOURCE ? "source" : "destination";
        return new ConnectorDefinition(
                actor.id().toString(),
                actor.connectorType(),
                Connectors.values(actor.configuration()),
                kind + "(" + actor.name() + ").connectionConfiguration");
    }
}
