package io.tributary.server.api.config.definitions;

import io.tributary.server.service.Connectors;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** {@code destination_definition_specifications/get}: the JSON Schema of a destination's settings and the sync modes it supports. */
public record DestinationDefinitionSpecificationRead(
        UUID destinationDefinitionId,
        String documentationUrl,
        JsonNode connectionSpecification,
        List<String> supportedDestinationSyncModes) {

    public static DestinationDefinitionSpecificationRead of(Connectors.Definition d) {
        return new DestinationDefinitionSpecificationRead(
                d.id(), "", d.spec().toJsonSchema(), List.of("overwrite", "append", "append_dedup"));
    }
}
