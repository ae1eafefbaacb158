package io.tributary.server.service;

import io.tributary.batch.config.ConnectionDefinition;
import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.ConnectorDefinition;
import io.tributary.batch.config.NamespaceDefinition;
import io.tributary.batch.config.StreamSelection;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.connector.config.ConfigException;
import io.tributary.server.store.Actor;
import io.tributary.server.store.ActorKind;
import io.tributary.server.store.ActorStore;
import io.tributary.server.store.ConnectionRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Connections files (the CLI's YAML) into the service and back: an import creates the file's
 * sources, destinations and connections in a workspace; an export writes a workspace's as a file
 * the CLI runs, with every secret written as an {@code ${env:NAME}} reference, never in clear.
 */
@Service
public class ConnectionsYaml {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Connectors connectors;
    private final ConnectionService connections;
    private final ActorStore actors;

    public ConnectionsYaml(Connectors connectors, ConnectionService connections, ActorStore actors) {
        this.connectors = connectors;
        this.connections = connections;
        this.actors = actors;
    }

    /** What an import created, by the names the file gave. */
    public record Imported(Map<String, UUID> sources, Map<String, UUID> destinations, Map<String, UUID> connections) {}

    public Imported importYaml(UUID workspaceId, String yaml) {
        TributaryConfig config;
        try {
            config = new ConnectionsFileLoader()
                    .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "connections file");
        } catch (ConfigException e) {
            throw InvalidInputException.of(e);
        }
        Map<String, UUID> sources = new LinkedHashMap<>();
        Map<String, UUID> destinations = new LinkedHashMap<>();
        Map<String, UUID> created = new LinkedHashMap<>();
        for (ConnectorDefinition s : config.sources().values()) {
            sources.put(
                    s.name(),
                    connectors
                            .create(
                                    ActorKind.SOURCE,
                                    workspaceId,
                                    s.name(),
                                    DefinitionIds.of(ActorKind.SOURCE, s.type()),
                                    JSON.valueToTree(s.config()))
                            .id());
        }
        for (ConnectorDefinition d : config.destinations().values()) {
            destinations.put(
                    d.name(),
                    connectors
                            .create(
                                    ActorKind.DESTINATION,
                                    workspaceId,
                                    d.name(),
                                    DefinitionIds.of(ActorKind.DESTINATION, d.type()),
                                    JSON.valueToTree(d.config()))
                            .id());
        }
        for (ConnectionDefinition c : config.connections().values()) {
            Actor source = actors.get(ActorKind.SOURCE, sources.get(c.source()));
            ObjectNode catalog = SyncCatalogs.fromCatalog(connectors.discover(source));
            if (!c.streams().isEmpty()) {
                select(catalog, c.streams());
            }
            created.put(
                    c.name(),
                    connections
                            .create(new ConnectionInput(
                                    c.name(),
                                    source.id(),
                                    destinations.get(c.destination()),
                                    c.namespaceDefinition().wireName(),
                                    c.namespaceFormat(),
                                    c.prefix(),
                                    catalog,
                                    null,
                                    "active",
                                    c.chunkSize(),
                                    null,
                                    null))
                            .id());
        }
        return new Imported(sources, destinations, created);
    }

    private static void select(ObjectNode catalog, List<StreamSelection> selections) {
        for (JsonNode entry : catalog.path("streams")) {
            JsonNode stream = entry.path("stream");
            String name = stream.path("name").asString();
            String qualified =
                    stream.hasNonNull("namespace") ? stream.path("namespace").asString() + "." + name : name;
            ObjectNode config = (ObjectNode) entry.path("config");
            StreamSelection match = selections.stream()
                    .filter(s -> s.name().equals(qualified) || s.name().equals(name))
                    .findFirst()
                    .orElse(null);
            config.put("selected", match != null && match.selected());
            if (match != null) {
                config.put("syncMode", match.syncMode().wireName());
                config.put("destinationSyncMode", match.destinationSyncMode().wireName());
                if (!match.cursorField().isEmpty()) {
                    ArrayNode cursor = config.putArray("cursorField");
                    match.cursorField().forEach(cursor::add);
                }
                if (!match.primaryKey().isEmpty()) {
                    ArrayNode key = config.putArray("primaryKey");
                    match.primaryKey().forEach(p -> {
                        ArrayNode path = key.addArray();
                        p.forEach(path::add);
                    });
                }
            }
        }
        for (StreamSelection s : selections) {
            boolean found = false;
            for (JsonNode entry : catalog.path("streams")) {
                String name = entry.path("stream").path("name").asString();
                String ns = entry.path("stream").path("namespace").asString("");
                found |= s.name().equals(name) || s.name().equals(ns + "." + name);
            }
            if (!found) {
                throw new InvalidInputException(s.place() + ".name", s.name(), "stream not found in the source");
            }
        }
    }

    /** The workspace's connections as a connections file; secrets as {@code ${env:<NAME>_<FIELD>}}. */
    public String exportYaml(UUID workspaceId) {
        List<ConnectionRecord> all = connections.list(workspaceId);
        ObjectNode root = YAML.createObjectNode();
        ObjectNode sources = root.putObject("sources");
        ObjectNode destinations = root.putObject("destinations");
        ObjectNode conns = root.putObject("connections");
        Map<UUID, String> names = new HashMap<>();
        for (Actor a : actors.list(ActorKind.SOURCE, workspaceId)) {
            names.put(a.id(), actor(sources, a, names));
        }
        for (Actor a : actors.list(ActorKind.DESTINATION, workspaceId)) {
            names.put(a.id(), actor(destinations, a, names));
        }
        for (ConnectionRecord c : all) {
            ObjectNode n = conns.putObject(unique(conns, c.name()));
            n.put("source", names.get(c.sourceId()));
            n.put("destination", names.get(c.destinationId()));
            NamespaceDefinition ns = NamespaceDefinition.parse(c.namespaceDefinition());
            n.put("namespace_definition", ns.name().toLowerCase(Locale.ROOT));
            if (ns == NamespaceDefinition.CUSTOM_FORMAT) {
                n.put("namespace_format", c.namespaceFormat());
            }
            if (!c.prefix().isEmpty()) {
                n.put("prefix", c.prefix());
            }
            n.put("chunk_size", c.chunkSize());
            ArrayNode streams = n.putArray("streams");
            for (StreamSelection s : SyncCatalogs.selections(c.syncCatalog())) {
                if (!s.selected()) {
                    continue;
                }
                ObjectNode stream = streams.addObject();
                stream.put("name", s.name());
                stream.put("sync_mode", s.syncMode().wireName());
                stream.put("destination_sync_mode", s.destinationSyncMode().wireName());
                if (!s.cursorField().isEmpty()) {
                    stream.set("cursor_field", JSON.valueToTree(s.cursorField()));
                }
                if (!s.primaryKey().isEmpty()) {
                    stream.set("primary_key", JSON.valueToTree(s.primaryKey()));
                }
            }
        }
        return YAML.writeValueAsString(root);
    }

    private String actor(ObjectNode parent, Actor a, Map<UUID, String> taken) {
        String name = unique(parent, a.name().replaceAll("[^A-Za-z0-9_-]+", "_"));
        ObjectNode n = parent.putObject(name);
        n.put("type", a.connectorType());
        ObjectNode config = connectors.masked(a);
        var spec = connectors.definitionOf(a).spec();
        List<String> secretFields = new ArrayList<>();
        spec.fields().stream()
                .filter(f -> f.isSecret() && config.has(f.name()))
                .forEach(f -> secretFields.add(f.name()));
        for (String field : secretFields) {
            config.put(
                    field,
                    "${env:" + (name + "_" + field).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_") + "}");
        }
        n.set("config", config);
        return name;
    }

    private static String unique(ObjectNode parent, String name) {
        String candidate = name.isBlank() ? "unnamed" : name;
        int i = 2;
        while (parent.has(candidate)) {
            candidate = name + "_" + i++;
        }
        return candidate;
    }
}
