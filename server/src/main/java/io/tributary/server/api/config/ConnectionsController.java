package io.tributary.server.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tributary.server.jobs.SyncJobs;
import io.tributary.server.service.ConnectionInput;
import io.tributary.server.service.ConnectionService;
import io.tributary.server.service.InvalidInputException;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.ScheduleSettings;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code connections/*} and {@code jobs/*} of the Config API. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ConnectionsController {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> CONFIG_TYPES = List.of("sync", "reset_connection");

    private final ConnectionService service;
    private final ConnectionStore connections;
    private final SyncJobs jobs;

    ConnectionsController(ConnectionService service, ConnectionStore connections, SyncJobs jobs) {
        this.service = service;
        this.connections = connections;
        this.jobs = jobs;
    }

    @PostMapping("/connections/create")
    ObjectNode create(@RequestBody JsonNode body) {
        return ConfigApiViews.connection(service.create(input(body, true)));
    }

    @PostMapping("/connections/update")
    ObjectNode update(@RequestBody JsonNode body) {
        return ConfigApiViews.connection(service.update(Requests.uuid(body, "connectionId"), input(body, false)));
    }

    @PostMapping("/connections/get")
    ObjectNode get(@RequestBody JsonNode body) {
        return ConfigApiViews.connection(connections.get(Requests.uuid(body, "connectionId")));
    }

    @PostMapping({"/connections/list", "/connections/list_all"})
    ObjectNode list(@RequestBody JsonNode body) {
        ObjectNode out = F.objectNode();
        var array = out.putArray("connections");
        service.list(Requests.uuid(body, "workspaceId")).forEach(c -> array.add(ConfigApiViews.connection(c)));
        return out;
    }

    @PostMapping("/connections/delete")
    ResponseEntity<Void> delete(@RequestBody JsonNode body) {
        service.delete(Requests.uuid(body, "connectionId"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/connections/sync")
    ObjectNode sync(@RequestBody JsonNode body) {
        return ConfigApiViews.jobInfo(jobs.trigger(Requests.uuid(body, "connectionId"), "sync"));
    }

    @PostMapping("/connections/reset")
    ObjectNode reset(@RequestBody JsonNode body) {
        return ConfigApiViews.jobInfo(jobs.trigger(Requests.uuid(body, "connectionId"), "reset_connection"));
    }

    @PostMapping("/jobs/get")
    ObjectNode job(@RequestBody JsonNode body) {
        return ConfigApiViews.jobInfo(jobs.view(Requests.id(body, "id")));
    }

    @PostMapping("/jobs/cancel")
    ObjectNode cancel(@RequestBody JsonNode body) {
        return ConfigApiViews.jobInfo(jobs.cancel(Requests.id(body, "id")));
    }

    @PostMapping("/jobs/list")
    ObjectNode jobs(@RequestBody JsonNode body) {
        List<String> types = new ArrayList<>();
        for (JsonNode t : body.path("configTypes")) {
            if (!CONFIG_TYPES.contains(t.asString())) {
                throw new InvalidInputException("configTypes", t.asString(), "use sync or reset_connection");
            }
            types.add(t.asString());
        }
        if (types.isEmpty()) {
            types = CONFIG_TYPES;
        }
        UUID connectionId = Requests.optionalUuid(body, "configId");
        if (connectionId != null) {
            connections.get(connectionId);
        }
        Integer pageSize = Requests.integer(body.path("pagination"), "pageSize");
        Integer offset = Requests.integer(body.path("pagination"), "rowOffset");
        String status = null;
        JsonNode statuses = body.path("statuses");
        if (statuses.isArray() && statuses.size() == 1) {
            status = statuses.get(0).asString();
        }
        int limit = pageSize == null ? 200 : Math.max(1, Math.min(pageSize, 1000));
        ObjectNode out = F.objectNode();
        var array = out.putArray("jobs");
        jobs.list(connectionId, types, status, limit, offset == null ? 0 : Math.max(0, offset))
                .forEach(v -> array.add(ConfigApiViews.jobWithAttempts(v)));
        out.put("totalJobCount", jobs.count(connectionId, types, status));
        return out;
    }

    private static ConnectionInput input(JsonNode body, boolean create) {
        JsonNode catalog = body.get("syncCatalog");
        if (catalog != null && !catalog.isNull() && !catalog.isObject()) {
            throw new InvalidInputException("syncCatalog", catalog.toString(), "must be an object with streams");
        }
        Integer maxAttempts = Requests.integer(body, "maxAttempts");
        Integer backoff = Requests.integer(body, "retryBackoffSeconds");
        JsonNode retry = body.path("retryPolicy");
        if (retry.isObject()) {
            maxAttempts = Requests.integer(retry, "maxAttempts");
            backoff = Requests.integer(retry, "backoffSeconds");
        }
        return new ConnectionInput(Requests.string(body, "name"), create ? Requests.uuid(body, "sourceId") : null,
                create ? Requests.uuid(body, "destinationId") : null, Requests.string(body, "namespaceDefinition"),
                Requests.string(body, "namespaceFormat"), Requests.string(body, "prefix"),
                catalog == null || catalog.isNull() ? null : (ObjectNode) catalog, schedule(body), Requests.string(body, "status"),
                Requests.integer(body, "chunkSize"), maxAttempts, backoff);
    }

    /** Airbyte's scheduleType + scheduleData, or the legacy {@code schedule {units, timeUnit}}. */
    private static ScheduleSettings schedule(JsonNode body) {
        String type = Requests.string(body, "scheduleType");
        JsonNode legacy = body.path("schedule");
        if (type == null && legacy.isObject()) {
            type = "basic";
        }
        if (type == null) {
            return null;
        }
        switch (type) {
            case "manual":
                return ScheduleSettings.manual();
            case "basic": {
                JsonNode basic = body.path("scheduleData").path("basicSchedule");
                if (!basic.isObject()) {
                    basic = legacy;
                }
                Integer units = Requests.integer(basic, "units");
                String unit = Requests.string(basic, "timeUnit");
                if (units == null || unit == null) {
                    throw new InvalidInputException("scheduleData.basicSchedule", basic.toString(),
                            "a basic schedule needs units and timeUnit, e.g. {\"units\": 6, \"timeUnit\": \"hours\"}");
                }
                return new ScheduleSettings("basic", units.longValue(), unit, null, null);
            }
            case "cron": {
                JsonNode cron = body.path("scheduleData").path("cron");
                String expression = Requests.string(cron, "cronExpression");
                if (expression == null) {
                    throw new InvalidInputException("scheduleData.cron.cronExpression", null,
                            "a cron schedule needs scheduleData.cron.cronExpression, e.g. \"0 */6 * * *\" or \"0 0 */6 * * ?\"");
                }
                return new ScheduleSettings("cron", null, null, expression, Requests.string(cron, "cronTimeZone"));
            }
            default:
                throw new InvalidInputException("scheduleType", type, "use manual, basic or cron");
        }
    }
}
