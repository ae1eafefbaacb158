package io.tributary.server.service;

import io.tributary.batch.config.ConnectionDefinition;
import io.tributary.batch.config.NamespaceDefinition;
import io.tributary.batch.engine.RetryPolicy;
import io.tributary.batch.plan.ConnectionPlanner;
import io.tributary.connector.config.ConfigException;
import io.tributary.schedules.ConnectionSchedules;
import io.tributary.schedules.ScheduleException;
import io.tributary.server.store.Actor;
import io.tributary.server.store.ActorKind;
import io.tributary.server.store.ActorStore;
import io.tributary.server.store.ConnectionRecord;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.ScheduleSettings;
import io.tributary.server.store.WorkspaceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Connections: created and updated only when the engine could run them (connectors' settings,
 * streams, modes, cursors and keys checked against the discovered catalog), with their schedule
 * kept in Quartz in step with their status.
 */
@Service
public class ConnectionService {

    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);
    private static final Set<String> STATUSES = Set.of("active", "inactive");

    private final ConnectionStore connections;
    private final ActorStore actors;
    private final WorkspaceStore workspaces;
    private final Connectors connectors;
    private final ConnectionPlanner planner;
    private final ConnectionSchedules schedules;
    private final RetryPolicy defaultRetry;

    public ConnectionService(
            ConnectionStore connections,
            ActorStore actors,
            WorkspaceStore workspaces,
            Connectors connectors,
            ConnectionPlanner planner,
            ConnectionSchedules schedules,
            RetryPolicy defaultRetry) {
        this.connections = connections;
        this.actors = actors;
        this.workspaces = workspaces;
        this.connectors = connectors;
        this.planner = planner;
        this.schedules = schedules;
        this.defaultRetry = defaultRetry;
    }

    public ConnectionRecord create(ConnectionInput in) {
        if (in.sourceId() == null) {
            throw new InvalidInputException("sourceId", null, "required: the id of the source to read");
        }
        if (in.destinationId() == null) {
            throw new InvalidInputException("destinationId", null, "required: the id of the destination to write to");
        }
        Actor source = actors.get(ActorKind.SOURCE, in.sourceId());
        Actor destination = actors.get(ActorKind.DESTINATION, in.destinationId());
        if (!source.workspaceId().equals(destination.workspaceId())) {
            throw new InvalidInputException(
                    "destinationId",
                    in.destinationId().toString(),
                    "the destination belongs to another workspace than the source");
        }
        ObjectNode catalog = in.syncCatalog() != null ? in.syncCatalog() : discoveredCatalog(source);
        Instant now = Instant.now();
        ConnectionRecord draft = new ConnectionRecord(
                UUID.randomUUID(),
                source.workspaceId(),
                in.name() != null ? in.name() : source.name() + " → " + destination.name(),
                source.id(),
                destination.id(),
                status(in.status(), "active"),
                namespaceDefinition(in.namespaceDefinition(), "source"),
                in.namespaceFormat() != null ? in.namespaceFormat() : "${SOURCE_NAMESPACE}",
                in.prefix() != null ? in.prefix() : "",
                catalog,
                in.schedule() != null ? in.schedule() : ScheduleSettings.manual(),
                chunkSize(in.chunkSize(), ConnectionDefinition.DEFAULT_CHUNK_SIZE),
                retry(in.maxAttempts(), in.retryBackoffSeconds(), defaultRetry),
                0,
                now,
                now);
        validate(draft, source, destination, true);
        ConnectionRecord saved = connections.save(draft);
        applySchedule(saved);
        return saved;
    }

    public ConnectionRecord update(UUID id, ConnectionInput in) {
        ConnectionRecord c = connections.get(id);
        if ("deprecated".equals(c.status())) {
            throw new InvalidInputException(
                    "connectionId", id.toString(), "the connection was deleted and cannot be changed");
        }
        ConnectionRecord draft = new ConnectionRecord(
                c.id(),
                c.workspaceId(),
                in.name() != null ? in.name() : c.name(),
                c.sourceId(),
                c.destinationId(),
                status(in.status(), c.status()),
                namespaceDefinition(in.namespaceDefinition(), c.namespaceDefinition()),
                in.namespaceFormat() != null ? in.namespaceFormat() : c.namespaceFormat(),
                in.prefix() != null ? in.prefix() : c.prefix(),
                in.syncCatalog() != null ? in.syncCatalog() : c.syncCatalog(),
                in.schedule() != null ? in.schedule() : c.schedule(),
                chunkSize(in.chunkSize(), c.chunkSize()),
                retry(in.maxAttempts(), in.retryBackoffSeconds(), c.retry()),
                c.consecutiveFailures(),
                c.createdAt(),
                Instant.now());
        // Only a change of what the sync reads or where it writes needs the source discovered again;
        // pausing or rescheduling works while the source is down.
        boolean changesWhatRuns = in.syncCatalog() != null
                || in.namespaceDefinition() != null
                || in.namespaceFormat() != null
                || in.prefix() != null;
        validate(
                draft,
                actors.get(ActorKind.SOURCE, c.sourceId()),
                actors.get(ActorKind.DESTINATION, c.destinationId()),
                changesWhatRuns);
        ConnectionRecord saved = connections.save(draft);
        if (saved.isActive() && !c.isActive()) {
            connections.resetFailures(id);
        }
        applySchedule(saved);
        return connections.get(id);
    }

    /** Deletes a connection the way Airbyte does: it becomes deprecated and its schedule goes. */
    public void delete(UUID id) {
        connections.get(id);
        connections.setStatus(id, "deprecated");
        schedules.remove(id.toString());
    }

    /** Stops the schedule of a connection that failed too often; true when it was active until now. */
    public boolean disable(UUID id) {
        ConnectionRecord c = connections.get(id);
        if (!c.isActive()) {
            return false;
        }
        connections.setStatus(id, "inactive");
        schedules.pause(id.toString());
        return true;
    }

    public void setActive(UUID id, boolean active) {
        ConnectionRecord c = connections.get(id);
        update(
                id,
                new ConnectionInput(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        active ? "active" : "inactive",
                        null,
                        null,
                        null));
        log.info("Connection {} ({}) is now {}", c.name(), id, active ? "active" : "inactive");
    }

    public Optional<Instant> nextFireTime(UUID id) {
        return schedules.nextFireTime(id.toString());
    }

    public List<ConnectionRecord> list(UUID workspaceId) {
        workspaces.get(workspaceId);
        return connections.list(workspaceId, false);
    }

    /** Deletes a source or destination and, as Airbyte does, the connections that use it. */
    public void deleteActor(ActorKind kind, UUID id) {
        actors.get(kind, id);
        for (ConnectionRecord c : connections.usingActor(id)) {
            delete(c.id());
        }
        actors.delete(kind, id);
    }

    /** Puts every stored connection's schedule in Quartz (at start-up: Quartz keeps unchanged triggers as they are). */
    public void applyAllSchedules() {
        for (ConnectionRecord c : connections.listAll()) {
            try {
                applySchedule(c);
            } catch (RuntimeException e) {
                log.error("Schedule of connection {} ({}) cannot be applied: {}", c.name(), c.id(), e.getMessage());
            }
        }
    }

    private void applySchedule(ConnectionRecord c) {
        if ("deprecated".equals(c.status())) {
            schedules.remove(c.id().toString());
            return;
        }
        schedules.apply(c.id().toString(), c.schedule().toSchedule());
        if (!c.isActive()) {
            schedules.pause(c.id().toString());
        } else {
            schedules.resume(c.id().toString());
        }
    }

    private ObjectNode discoveredCatalog(Actor source) {
        try {
            return SyncCatalogs.fromCatalog(connectors.discover(source));
        } catch (ConfigException e) {
            throw InvalidInputException.of(e);
        } catch (RuntimeException e) {
            throw new InvalidInputException(
                    "syncCatalog",
                    null,
                    "no syncCatalog given, and the source could not be discovered " + "to make one: " + e.getMessage());
        }
    }

    private void validate(ConnectionRecord draft, Actor source, Actor destination, boolean plan) {
        try {
            draft.schedule().toSchedule();
        } catch (ScheduleException e) {
            String path = "cron".equals(draft.schedule().type())
                    ? "scheduleData.cron.cronExpression"
                    : "scheduleData.basicSchedule";
            Object value = "cron".equals(draft.schedule().type())
                    ? draft.schedule().cronExpression()
                    : draft.schedule().timeUnit();
            throw new InvalidInputException(path, value, e.getMessage());
        }
        if (!plan) {
            return;
        }
        try {
            planner.plan(
                    ConnectionConfigs.of(draft, source, destination), draft.id().toString());
        } catch (ConfigException e) {
            throw InvalidInputException.of(e);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException(
                    "sourceId",
                    source.id().toString(),
                    "the source could not be discovered to check the catalog: " + e.getMessage());
        }
    }

    private static String status(String requested, String fallback) {
        if (requested == null) {
            return fallback;
        }
        if (!STATUSES.contains(requested)) {
            throw new InvalidInputException(
                    "status", requested, "use active or inactive (delete a connection to deprecate it)");
        }
        return requested;
    }

    private static String namespaceDefinition(String requested, String fallback) {
        if (requested == null) {
            return fallback;
        }
        try {
            return NamespaceDefinition.parse(requested).wireName();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "namespaceDefinition", requested, "use source, destination or customformat");
        }
    }

    private static int chunkSize(Integer requested, int fallback) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 1 || requested > 1_000_000) {
            throw new InvalidInputException(
                    "chunkSize", requested, "use a whole number from 1 to 1000000 (records per commit)");
        }
        return requested;
    }

    private static RetryPolicy retry(Integer maxAttempts, Integer backoffSeconds, RetryPolicy fallback) {
        int attempts = maxAttempts != null ? maxAttempts : fallback.maxAttempts();
        long backoff =
                backoffSeconds != null ? backoffSeconds : fallback.backoff().toSeconds();
        if (attempts < 1 || attempts > 20) {
            throw new InvalidInputException(
                    "maxAttempts", attempts, "use a whole number from 1 to 20 (attempts per job)");
        }
        if (backoff < 0 || backoff > 86_400) {
            throw new InvalidInputException("retryBackoffSeconds", backoff, "use 0 to 86400 seconds");
        }
        return new RetryPolicy(attempts, Duration.ofSeconds(backoff));
    }
}
