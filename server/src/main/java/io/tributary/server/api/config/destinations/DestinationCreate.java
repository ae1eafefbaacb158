package io.tributary.server.api.config.destinations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code destinations/create}: workspace, name, connector and its settings; the settings are free-form,
 * checked against the connector's own specification.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DestinationCreate(
        UUID workspaceId, String name, UUID destinationDefinitionId, JsonNode connectionConfiguration) {}
