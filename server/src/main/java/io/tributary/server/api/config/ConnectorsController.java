package io.tributary.server.api.config;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.source.CheckResult;
import io.tributary.server.api.config.checks.CheckConnectionRead;
import io.tributary.server.api.config.checks.SourceDiscoverSchemaRead;
import io.tributary.server.api.config.checks.SynchronousJobRead;
import io.tributary.server.api.config.definitions.DestinationDefinitionIdRequestBody;
import io.tributary.server.api.config.definitions.DestinationDefinitionRead;
import io.tributary.server.api.config.definitions.DestinationDefinitionReadList;
import io.tributary.server.api.config.definitions.DestinationDefinitionSpecificationRead;
import io.tributary.server.api.config.definitions.SourceDefinitionIdRequestBody;
import io.tributary.server.api.config.definitions.SourceDefinitionRead;
import io.tributary.server.api.config.definitions.SourceDefinitionReadList;
import io.tributary.server.api.config.definitions.SourceDefinitionSpecificationRead;
import io.tributary.server.api.config.destinations.DestinationCreate;
import io.tributary.server.api.config.destinations.DestinationIdRequestBody;
import io.tributary.server.api.config.destinations.DestinationRead;
import io.tributary.server.api.config.destinations.DestinationReadList;
import io.tributary.server.api.config.destinations.DestinationUpdate;
import io.tributary.server.api.config.jobs.FailureReason;
import io.tributary.server.api.config.sources.SourceCreate;
import io.tributary.server.api.config.sources.SourceIdRequestBody;
import io.tributary.server.api.config.sources.SourceRead;
import io.tributary.server.api.config.sources.SourceReadList;
import io.tributary.server.api.config.sources.SourceUpdate;
import io.tributary.server.api.config.workspaces.WorkspaceIdRequestBody;
import io.tributary.server.logging.SecretMasker;
import io.tributary.server.service.ConnectionService;
import io.tributary.server.service.Connectors;
import io.tributary.server.service.InvalidInputException;
import io.tributary.server.service.SyncCatalogs;
import io.tributary.server.store.Actor;
import io.tributary.server.store.ActorKind;
import io.tributary.server.store.ActorStore;
import io.tributary.server.store.WorkspaceStore;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code source_definitions/*}, {@code destination_definitions/*}, their specifications,
 * {@code sources/*} and {@code destinations/*} of the Config API. Settings come back with every
 * secret masked.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ConnectorsController {

    private final Connectors connectors;
    private final ActorStore actors;
    private final WorkspaceStore workspaces;
    private final ConnectionService connections;

    ConnectorsController(
            Connectors connectors, ActorStore actors, WorkspaceStore workspaces, ConnectionService connections) {
        this.connectors = connectors;
        this.actors = actors;
        this.workspaces = workspaces;
        this.connections = connections;
    }

    @PostMapping({"/source_definitions/list", "/source_definitions/list_for_workspace"})
    SourceDefinitionReadList sourceDefinitions() {
        return new SourceDefinitionReadList(connectors.definitions(ActorKind.SOURCE).stream()
                .map(SourceDefinitionRead::of)
                .toList());
    }

    @PostMapping({"/destination_definitions/list", "/destination_definitions/list_for_workspace"})
    DestinationDefinitionReadList destinationDefinitions() {
        return new DestinationDefinitionReadList(connectors.definitions(ActorKind.DESTINATION).stream()
                .map(DestinationDefinitionRead::of)
                .toList());
    }

    @PostMapping("/source_definitions/get")
    SourceDefinitionRead sourceDefinition(@RequestBody SourceDefinitionIdRequestBody body) {
        return SourceDefinitionRead.of(sourceDefinition(body.sourceDefinitionId()));
    }

    @PostMapping("/destination_definitions/get")
    DestinationDefinitionRead destinationDefinition(@RequestBody DestinationDefinitionIdRequestBody body) {
        return DestinationDefinitionRead.of(destinationDefinition(body.destinationDefinitionId()));
    }

    @PostMapping("/source_definition_specifications/get")
    SourceDefinitionSpecificationRead sourceSpecification(@RequestBody SourceDefinitionIdRequestBody body) {
        return SourceDefinitionSpecificationRead.of(sourceDefinition(body.sourceDefinitionId()));
    }

    @PostMapping("/destination_definition_specifications/get")
    DestinationDefinitionSpecificationRead destinationSpecification(
            @RequestBody DestinationDefinitionIdRequestBody body) {
        return DestinationDefinitionSpecificationRead.of(destinationDefinition(body.destinationDefinitionId()));
    }

    private Connectors.Definition sourceDefinition(UUID id) {
        return connectors.definition(ActorKind.SOURCE, Required.field("sourceDefinitionId", id));
    }

    private Connectors.Definition destinationDefinition(UUID id) {
        return connectors.definition(ActorKind.DESTINATION, Required.field("destinationDefinitionId", id));
    }

    @PostMapping("/sources/create")
    SourceRead createSource(@RequestBody SourceCreate body) {
        UUID workspaceId = Required.field("workspaceId", body.workspaceId());
        workspaces.get(workspaceId);
        return source(connectors.create(
                ActorKind.SOURCE,
                workspaceId,
                Required.text("name", body.name()),
                Required.field("sourceDefinitionId", body.sourceDefinitionId()),
                body.connectionConfiguration()));
    }

    @PostMapping("/destinations/create")
    DestinationRead createDestination(@RequestBody DestinationCreate body) {
        UUID workspaceId = Required.field("workspaceId", body.workspaceId());
        workspaces.get(workspaceId);
        return destination(connectors.create(
                ActorKind.DESTINATION,
                workspaceId,
                Required.text("name", body.name()),
                Required.field("destinationDefinitionId", body.destinationDefinitionId()),
                body.connectionConfiguration()));
    }

    @PostMapping("/sources/update")
    SourceRead updateSource(@RequestBody SourceUpdate body) {
        return source(connectors.update(
                ActorKind.SOURCE,
                Required.field("sourceId", body.sourceId()),
                body.name(),
                body.connectionConfiguration()));
    }

    @PostMapping("/destinations/update")
    DestinationRead updateDestination(@RequestBody DestinationUpdate body) {
        return destination(connectors.update(
                ActorKind.DESTINATION,
                Required.field("destinationId", body.destinationId()),
                body.name(),
                body.connectionConfiguration()));
    }

    @PostMapping("/sources/get")
    SourceRead getSource(@RequestBody SourceIdRequestBody body) {
        return source(actors.get(ActorKind.SOURCE, Required.field("sourceId", body.sourceId())));
    }

    @PostMapping("/destinations/get")
    DestinationRead getDestination(@RequestBody DestinationIdRequestBody body) {
        return destination(actors.get(ActorKind.DESTINATION, Required.field("destinationId", body.destinationId())));
    }

    @PostMapping("/sources/list")
    SourceReadList listSources(@RequestBody WorkspaceIdRequestBody body) {
        UUID workspaceId = workspaces
                .get(Required.field("workspaceId", body.workspaceId()))
                .id();
        return new SourceReadList(actors.list(ActorKind.SOURCE, workspaceId).stream()
                .map(this::source)
                .toList());
    }

    @PostMapping("/destinations/list")
    DestinationReadList listDestinations(@RequestBody WorkspaceIdRequestBody body) {
        UUID workspaceId = workspaces
                .get(Required.field("workspaceId", body.workspaceId()))
                .id();
        return new DestinationReadList(actors.list(ActorKind.DESTINATION, workspaceId).stream()
                .map(this::destination)
                .toList());
    }

    @PostMapping("/sources/delete")
    ResponseEntity<Void> deleteSource(@RequestBody SourceIdRequestBody body) {
        connections.deleteActor(ActorKind.SOURCE, Required.field("sourceId", body.sourceId()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/destinations/delete")
    ResponseEntity<Void> deleteDestination(@RequestBody DestinationIdRequestBody body) {
        connections.deleteActor(ActorKind.DESTINATION, Required.field("destinationId", body.destinationId()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/sources/check_connection")
    CheckConnectionRead checkSource(@RequestBody SourceIdRequestBody body) {
        return check(actors.get(ActorKind.SOURCE, Required.field("sourceId", body.sourceId())));
    }

    @PostMapping("/destinations/check_connection")
    CheckConnectionRead checkDestination(@RequestBody DestinationIdRequestBody body) {
        return check(actors.get(ActorKind.DESTINATION, Required.field("destinationId", body.destinationId())));
    }

    private CheckConnectionRead check(Actor actor) {
        long started = System.currentTimeMillis();
        CheckResult result = connectors.check(actor);
        return new CheckConnectionRead(
                result.status(),
                result.message(),
                SynchronousJobRead.of(
                        actor.id(),
                        actor.kind() == ActorKind.SOURCE ? "check_connection_source" : "check_connection_destination",
                        started,
                        result.succeeded(),
                        null));
    }

    @PostMapping("/sources/discover_schema")
    SourceDiscoverSchemaRead discover(@RequestBody SourceIdRequestBody body) {
        Actor source = actors.get(ActorKind.SOURCE, Required.field("sourceId", body.sourceId()));
        long started = System.currentTimeMillis();
        try {
            return new SourceDiscoverSchemaRead(
                    SyncCatalogs.fromCatalog(connectors.discover(source)),
                    UUID.randomUUID(),
                    SynchronousJobRead.of(source.id(), "discover_schema", started, true, null));
        } catch (ConfigException e) {
            throw InvalidInputException.of(e);
        } catch (RuntimeException e) {
            return new SourceDiscoverSchemaRead(
                    null,
                    null,
                    SynchronousJobRead.of(
                            source.id(),
                            "discover_schema",
                            started,
                            false,
                            FailureReason.message(SecretMasker.mask(String.valueOf(e.getMessage())))));
        }
    }

    private SourceRead source(Actor actor) {
        return SourceRead.of(actor, connectors.masked(actor), connectors.definitionOf(actor));
    }

    private DestinationRead destination(Actor actor) {
        return DestinationRead.of(actor, connectors.masked(actor), connectors.definitionOf(actor));
    }
}
