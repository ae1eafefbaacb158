package io.tributary.server.api.config;

import java.util.UUID;

import io.tributary.connector.source.CheckResult;
import io.tributary.server.service.ConnectionService;
import io.tributary.server.service.Connectors;
import io.tributary.server.service.SyncCatalogs;
import io.tributary.server.store.Actor;
import io.tributary.server.store.ActorKind;
import io.tributary.server.store.ActorStore;
import io.tributary.server.store.WorkspaceStore;
import io.tributary.connector.config.ConfigException;
import io.tributary.server.service.InvalidInputException;
import io.tributary.server.logging.SecretMasker;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code source_definitions/*}, {@code destination_definitions/*}, their specifications,
 * {@code sources/*} and {@code destinations/*} of the Config API. Settings come back with every
 * secret masked.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ConnectorsController {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Connectors connectors;
    private final ActorStore actors;
    private final WorkspaceStore workspaces;
    private final ConnectionService connections;

    ConnectorsController(Connectors connectors, ActorStore actors, WorkspaceStore workspaces, ConnectionService connections) {
        this.connectors = connectors;
        this.actors = actors;
        this.workspaces = workspaces;
        this.connections = connections;
    }

    @PostMapping({"/source_definitions/list", "/source_definitions/list_for_workspace"})
    ObjectNode sourceDefinitions() {
        return definitions(ActorKind.SOURCE, "sourceDefinitions");
    }

    @PostMapping({"/destination_definitions/list", "/destination_definitions/list_for_workspace"})
    ObjectNode destinationDefinitions() {
        return definitions(ActorKind.DESTINATION, "destinationDefinitions");
    }

    @PostMapping("/source_definitions/get")
    ObjectNode sourceDefinition(@RequestBody JsonNode body) {
        return ConfigApiViews.definition(connectors.definition(ActorKind.SOURCE, Requests.uuid(body, "sourceDefinitionId")));
    }

    @PostMapping("/destination_definitions/get")
    ObjectNode destinationDefinition(@RequestBody JsonNode body) {
        return ConfigApiViews.definition(connectors.definition(ActorKind.DESTINATION, Requests.uuid(body, "destinationDefinitionId")));
    }

    @PostMapping("/source_definition_specifications/get")
    ObjectNode sourceSpecification(@RequestBody JsonNode body) {
        return ConfigApiViews.specification(connectors.definition(ActorKind.SOURCE, Requests.uuid(body, "sourceDefinitionId")));
    }

    @PostMapping("/destination_definition_specifications/get")
    ObjectNode destinationSpecification(@RequestBody JsonNode body) {
        return ConfigApiViews.specification(connectors.definition(ActorKind.DESTINATION,
                Requests.uuid(body, "destinationDefinitionId")));
    }

    private ObjectNode definitions(ActorKind kind, String field) {
        ObjectNode out = F.objectNode();
        var array = out.putArray(field);
        connectors.definitions(kind).forEach(d -> array.add(ConfigApiViews.definition(d)));
        return out;
    }

    @PostMapping("/sources/create")
    ObjectNode createSource(@RequestBody JsonNode body) {
        return create(ActorKind.SOURCE, body);
    }

    @PostMapping("/destinations/create")
    ObjectNode createDestination(@RequestBody JsonNode body) {
        return create(ActorKind.DESTINATION, body);
    }

    private ObjectNode create(ActorKind kind, JsonNode body) {
        UUID workspaceId = Requests.uuid(body, "workspaceId");
        workspaces.get(workspaceId);
        Actor actor = connectors.create(kind, workspaceId, Requests.requiredString(body, "name"),
                Requests.uuid(body, kind.wireName() + "DefinitionId"), body.get("connectionConfiguration"));
        return read(actor);
    }

    @PostMapping("/sources/update")
    ObjectNode updateSource(@RequestBody JsonNode body) {
        return read(connectors.update(ActorKind.SOURCE, Requests.uuid(body, "sourceId"), Requests.string(body, "name"),
                body.get("connectionConfiguration")));
    }

    @PostMapping("/destinations/update")
    ObjectNode updateDestination(@RequestBody JsonNode body) {
        return read(connectors.update(ActorKind.DESTINATION, Requests.uuid(body, "destinationId"), Requests.string(body, "name"),
                body.get("connectionConfiguration")));
    }

    @PostMapping("/sources/get")
    ObjectNode getSource(@RequestBody JsonNode body) {
        return read(actors.get(ActorKind.SOURCE, Requests.uuid(body, "sourceId")));
    }

    @PostMapping("/destinations/get")
    ObjectNode getDestination(@RequestBody JsonNode body) {
        return read(actors.get(ActorKind.DESTINATION, Requests.uuid(body, "destinationId")));
    }

    @PostMapping("/sources/list")
    ObjectNode listSources(@RequestBody JsonNode body) {
        return list(ActorKind.SOURCE, body, "sources");
    }

    @PostMapping("/destinations/list")
    ObjectNode listDestinations(@RequestBody JsonNode body) {
        return list(ActorKind.DESTINATION, body, "destinations");
    }

    private ObjectNode list(ActorKind kind, JsonNode body, String field) {
        UUID workspaceId = Requests.uuid(body, "workspaceId");
        workspaces.get(workspaceId);
        ObjectNode out = F.objectNode();
        var array = out.putArray(field);
        actors.list(kind, workspaceId).forEach(a -> array.add(read(a)));
        return out;
    }

    @PostMapping("/sources/delete")
    org.springframework.http.ResponseEntity<Void> deleteSource(@RequestBody JsonNode body) {
        connections.deleteActor(ActorKind.SOURCE, Requests.uuid(body, "sourceId"));
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    @PostMapping("/destinations/delete")
    org.springframework.http.ResponseEntity<Void> deleteDestination(@RequestBody JsonNode body) {
        connections.deleteActor(ActorKind.DESTINATION, Requests.uuid(body, "destinationId"));
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    @PostMapping("/sources/check_connection")
    ObjectNode checkSource(@RequestBody JsonNode body) {
        return check(actors.get(ActorKind.SOURCE, Requests.uuid(body, "sourceId")));
    }

    @PostMapping("/destinations/check_connection")
    ObjectNode checkDestination(@RequestBody JsonNode body) {
        return check(actors.get(ActorKind.DESTINATION, Requests.uuid(body, "destinationId")));
    }

    private ObjectNode check(Actor actor) {
        long started = System.currentTimeMillis();
        CheckResult result = connectors.check(actor);
        ObjectNode out = F.objectNode();
        out.put("status", result.status());
        out.put("message", result.message());
        out.set("jobInfo", jobInfo(actor, result.succeeded(), started,
                actor.kind() == ActorKind.SOURCE ? "check_connection_source" : "check_connection_destination"));
        return out;
    }

    @PostMapping("/sources/discover_schema")
    ObjectNode discover(@RequestBody JsonNode body) {
        Actor source = actors.get(ActorKind.SOURCE, Requests.uuid(body, "sourceId"));
        long started = System.currentTimeMillis();
        ObjectNode out = F.objectNode();
        try {
            out.set("catalog", SyncCatalogs.fromCatalog(connectors.discover(source)));
            out.put("catalogId", UUID.randomUUID().toString());
            out.set("jobInfo", jobInfo(source, true, started, "discover_schema"));
        } catch (ConfigException e) {
            throw InvalidInputException.of(e);
        } catch (RuntimeException e) {
            ObjectNode info = jobInfo(source, false, started, "discover_schema");
            info.putObject("failureReason").put("externalMessage", SecretMasker.mask(String.valueOf(e.getMessage())));
            out.set("jobInfo", info);
        }
        return out;
    }

    private static ObjectNode jobInfo(Actor actor, boolean succeeded, long startedMillis, String configType) {
        ObjectNode info = F.objectNode();
        info.put("id", UUID.randomUUID().toString());
        info.put("configType", configType);
        info.put("configId", actor.id().toString());
        info.put("createdAt", startedMillis / 1000);
        info.put("endedAt", System.currentTimeMillis() / 1000);
        info.put("succeeded", succeeded);
        info.putObject("logs").putArray("logLines");
        return info;
    }

    private ObjectNode read(Actor actor) {
        return ConfigApiViews.actor(actor, connectors.masked(actor), connectors.definitionOf(actor));
    }
}
