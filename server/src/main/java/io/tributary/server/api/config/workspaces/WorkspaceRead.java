package io.tributary.server.api.config.workspaces;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.server.store.Workspace;
import java.util.List;
import java.util.UUID;

/** Airbyte's WorkspaceRead; the setup and newsletter flags are fixed, since Tributary has no such wizard. */
public record WorkspaceRead(
        UUID workspaceId,
        UUID customerId,
        String name,
        String slug,
        @JsonInclude(JsonInclude.Include.NON_NULL) String email,
        boolean initialSetupComplete,
        boolean displaySetupWizard,
        boolean anonymousDataCollection,
        boolean news,
        boolean securityUpdates,
        List<Object> notifications,
        String defaultGeography) {

    public static WorkspaceRead of(Workspace w) {
        return new WorkspaceRead(
                w.id(), w.id(), w.name(), w.slug(), w.email(), true, false, false, false, false, List.of(), "auto");
    }
}
