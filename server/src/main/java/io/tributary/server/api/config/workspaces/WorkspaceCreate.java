package io.tributary.server.api.config.workspaces;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code workspaces/create}: a name (required) and a contact email. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkspaceCreate(String name, String email) {}
