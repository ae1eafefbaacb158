package io.tributary.server.api.config.workspaces;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** A request naming a workspace ({@code workspaces/get}, {@code sources/list}, {@code connections/list}...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkspaceIdRequestBody(UUID workspaceId) {}
