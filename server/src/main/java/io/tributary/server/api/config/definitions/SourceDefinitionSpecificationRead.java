package io.tributary.server.api.config.definitions;

import io.tributary.server.service.Connectors;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** {@code source_definition_specifications/get}: the JSON Schema of a source's settings. */
public record SourceDefinitionSpecificationRead(
        UUID sourceDefinitionId, String documentationUrl, JsonNode connectionSpecification) {

    public static SourceDefinitionSpecificationRead of(Connectors.Definition d) {
        return new SourceDefinitionSpecificationRead(d.id(), "", d.spec().toJsonSchema());
    }
}
