package io.tributary.server.api.config;

import io.tributary.server.api.config.connections.ConnectionCreate;
import io.tributary.server.api.config.connections.ConnectionIdRequestBody;
import io.tributary.server.api.config.connections.ConnectionRead;
import io.tributary.server.api.config.connections.ConnectionReadList;
import io.tributary.server.api.config.connections.ConnectionUpdate;
import io.tributary.server.api.config.jobs.JobIdRequestBody;
import io.tributary.server.api.config.jobs.JobInfoRead;
import io.tributary.server.api.config.jobs.JobListRequestBody;
import io.tributary.server.api.config.jobs.JobReadList;
import io.tributary.server.api.config.jobs.JobWithAttemptsRead;
import io.tributary.server.api.config.workspaces.WorkspaceIdRequestBody;
import io.tributary.server.jobs.SyncJobs;
import io.tributary.server.service.ConnectionService;
import io.tributary.server.service.InvalidInputException;
import io.tributary.server.store.ConnectionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code connections/*} and {@code jobs/*} of the Config API. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ConnectionsController {

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
    ConnectionRead create(@RequestBody ConnectionCreate body) {
        return ConnectionRead.of(service.create(body.toInput(
                Required.field("sourceId", body.sourceId()), Required.field("destinationId", body.destinationId()))));
    }

    @PostMapping("/connections/update")
    ConnectionRead update(@RequestBody ConnectionUpdate body) {
        return ConnectionRead.of(
                service.update(Required.field("connectionId", body.connectionId()), body.toInput(null, null)));
    }

    @PostMapping("/connections/get")
    ConnectionRead get(@RequestBody ConnectionIdRequestBody body) {
        return ConnectionRead.of(connections.get(Required.field("connectionId", body.connectionId())));
    }

    @PostMapping({"/connections/list", "/connections/list_all"})
    ConnectionReadList list(@RequestBody WorkspaceIdRequestBody body) {
        return new ConnectionReadList(service.list(Required.field("workspaceId", body.workspaceId())).stream()
                .map(ConnectionRead::of)
                .toList());
    }

    @PostMapping("/connections/delete")
    ResponseEntity<Void> delete(@RequestBody ConnectionIdRequestBody body) {
        service.delete(Required.field("connectionId", body.connectionId()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/connections/sync")
    JobInfoRead sync(@RequestBody ConnectionIdRequestBody body) {
        return JobInfoRead.of(jobs.trigger(Required.field("connectionId", body.connectionId()), "sync"));
    }

    @PostMapping("/connections/reset")
    JobInfoRead reset(@RequestBody ConnectionIdRequestBody body) {
        return JobInfoRead.of(jobs.trigger(Required.field("connectionId", body.connectionId()), "reset_connection"));
    }

    @PostMapping("/jobs/get")
    JobInfoRead job(@RequestBody JobIdRequestBody body) {
        return JobInfoRead.of(jobs.view(Required.field("id", body.id())));
    }

    @PostMapping("/jobs/cancel")
    JobInfoRead cancel(@RequestBody JobIdRequestBody body) {
        return JobInfoRead.of(jobs.cancel(Required.field("id", body.id())));
    }

    @PostMapping("/jobs/list")
    JobReadList jobs(@RequestBody JobListRequestBody body) {
        List<String> types = new ArrayList<>();
        for (String t : body.configTypes() == null ? List.<String>of() : body.configTypes()) {
            if (!CONFIG_TYPES.contains(t)) {
                throw new InvalidInputException("configTypes", t, "use sync or reset_connection");
            }
            types.add(t);
        }
        if (types.isEmpty()) {
            types = CONFIG_TYPES;
        }
        UUID connectionId = body.configId();
        if (connectionId != null) {
            connections.get(connectionId);
        }
        Integer pageSize = body.pagination() == null ? null : body.pagination().pageSize();
        Integer offset = body.pagination() == null ? null : body.pagination().rowOffset();
        String status = body.statuses() != null && body.statuses().size() == 1
                ? body.statuses().get(0)
                : null;
        int limit = pageSize == null ? 200 : Math.max(1, Math.min(pageSize, 1000));
        List<JobWithAttemptsRead> page =
                jobs.list(connectionId, types, status, limit, offset == null ? 0 : Math.max(0, offset)).stream()
                        .map(JobWithAttemptsRead::of)
                        .toList();
        return new JobReadList(page, jobs.count(connectionId, types, status));
    }
}
