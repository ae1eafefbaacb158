package io.tributary.server.api.config.workspaces;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A request naming a workspace ({@code workspaces/get}, {@code sources/list}, {@code connections/list}...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkspaceIdRequestBody(UUID workspaceId) {
}
