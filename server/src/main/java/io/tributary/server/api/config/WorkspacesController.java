package io.tributary.server.api.config;

import io.tributary.server.api.HealthCheckRead;
import io.tributary.server.api.config.workspaces.WorkspaceCreate;
import io.tributary.server.api.config.workspaces.WorkspaceIdRequestBody;
import io.tributary.server.api.config.workspaces.WorkspaceRead;
import io.tributary.server.api.config.workspaces.WorkspaceReadList;
import io.tributary.server.store.WorkspaceStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code health} and {@code workspaces/*} of the Config API. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class WorkspacesController {

    private final WorkspaceStore workspaces;

    WorkspacesController(WorkspaceStore workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/health")
    HealthCheckRead health() {
        return HealthCheckRead.up();
    }

    @PostMapping("/health")
    HealthCheckRead healthPost() {
        return health();
    }

    @PostMapping("/workspaces/list")
    WorkspaceReadList list() {
        workspaces.defaultWorkspace();
        return new WorkspaceReadList(
                workspaces.list().stream().map(WorkspaceRead::of).toList());
    }

    @PostMapping("/workspaces/get")
    WorkspaceRead get(@RequestBody WorkspaceIdRequestBody body) {
        return WorkspaceRead.of(workspaces.get(Required.field("workspaceId", body.workspaceId())));
    }

    @PostMapping("/workspaces/create")
    WorkspaceRead create(@RequestBody WorkspaceCreate body) {
        return WorkspaceRead.of(workspaces.create(Required.text("name", body.name()), body.email()));
    }
}
