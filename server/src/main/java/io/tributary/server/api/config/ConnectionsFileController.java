package io.tributary.server.api.config;

import io.tributary.server.api.config.files.ConnectionsFileImportRead;
import io.tributary.server.api.config.workspaces.WorkspaceIdRequestBody;
import io.tributary.server.service.ConnectionsYaml;
import io.tributary.server.store.WorkspaceStore;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tributary's own additions to the Config API: import a connections file (the CLI's YAML) into a
 * workspace, and export a workspace back as one.
 */
@RestController
class ConnectionsFileController {

    private final ConnectionsYaml yaml;
    private final WorkspaceStore workspaces;

    ConnectionsFileController(ConnectionsYaml yaml, WorkspaceStore workspaces) {
        this.yaml = yaml;
        this.workspaces = workspaces;
    }

    /** Body: the YAML text. Query: {@code workspaceId} (default: the default workspace). */
    @PostMapping(path = "/api/v1/tributary/connections_file/import", produces = MediaType.APPLICATION_JSON_VALUE)
    ConnectionsFileImportRead importFile(
            @RequestBody String body, @RequestParam(name = "workspaceId", required = false) UUID workspaceId) {
        UUID workspace = workspaceId != null
                ? workspaces.get(workspaceId).id()
                : workspaces.defaultWorkspace().id();
        return ConnectionsFileImportRead.of(yaml.importYaml(workspace, body), workspace);
    }

    /** Body: {@code {"workspaceId"}}. Answers the YAML. */
    @PostMapping(path = "/api/v1/tributary/connections_file/export")
    ResponseEntity<String> exportFile(@RequestBody WorkspaceIdRequestBody body) {
        UUID workspace = workspaces
                .get(Required.field("workspaceId", body.workspaceId()))
                .id();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml.exportYaml(workspace));
    }
}
