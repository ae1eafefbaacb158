package io.tributary.server.api.config.sources;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code sources/create}: workspace, name, connector and its settings; the settings are free-form,
 * checked against the connector's own specification.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceCreate(UUID workspaceId, String name, UUID sourceDefinitionId, JsonNode connectionConfiguration) {}
