package io.tributary.server.api.config;

import io.tributary.server.store.WorkspaceStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code health} and {@code workspaces/*} of the Config API. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class WorkspacesController {

    private final WorkspaceStore workspaces;

    WorkspacesController(WorkspaceStore workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/health")
    ObjectNode health() {
        return JsonNodeFactory.instance.objectNode().put("available", true);
    }

    @PostMapping("/health")
    ObjectNode healthPost() {
        return health();
    }

    @PostMapping("/workspaces/list")
    ObjectNode list() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var array = out.putArray("workspaces");
        workspaces.defaultWorkspace();
        workspaces.list().forEach(w -> array.add(ConfigApiViews.workspace(w)));
        return out;
    }

    @PostMapping("/workspaces/get")
    ObjectNode get(@RequestBody JsonNode body) {
        return ConfigApiViews.workspace(workspaces.get(Requests.uuid(body, "workspaceId")));
    }

    @PostMapping("/workspaces/create")
    ObjectNode create(@RequestBody JsonNode body) {
        return ConfigApiViews.workspace(workspaces.create(Requests.requiredString(body, "name"), Requests.string(body, "email")));
    }
}
