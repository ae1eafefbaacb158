package io.tributary.server.api.config.files;

import io.tributary.server.service.ConnectionsYaml;
import java.util.Map;
import java.util.UUID;

/** What importing a connections file created or updated: each name of the file with its id, and the workspace. */
public record ConnectionsFileImportRead(
        Map<String, UUID> sources, Map<String, UUID> destinations, Map<String, UUID> connections, UUID workspaceId) {

    public static ConnectionsFileImportRead of(ConnectionsYaml.Imported imported, UUID workspaceId) {
        return new ConnectionsFileImportRead(
                imported.sources(), imported.destinations(), imported.connections(), workspaceId);
    }
}
