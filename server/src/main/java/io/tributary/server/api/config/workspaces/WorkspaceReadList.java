package io.tributary.server.api.config.workspaces;

import java.util.List;

/** {@code workspaces/list}. */
public record WorkspaceReadList(List<WorkspaceRead> workspaces) {}
