package io.tributary.server.api.config.definitions;

import io.tributary.server.service.Connectors;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Airbyte's SourceDefinitionRead for one of Tributary's built-in source connectors; the Docker
 * fields are names only (nothing runs in a container), and the settings' JSON Schema is free-form.
 */
public record SourceDefinitionRead(
        UUID sourceDefinitionId,
        String name,
        String dockerRepository,
        String dockerImageTag,
        String documentationUrl,
        String protocolVersion,
        String releaseStage,
        String sourceType,
        String connectorType,
        JsonNode connectionSpecification) {

    public static SourceDefinitionRead of(Connectors.Definition d) {
        return new SourceDefinitionRead(
                d.id(),
                d.spec().title(),
                "tributary/source-" + d.type(),
                DefinitionFacts.IMAGE_TAG,
                "",
                DefinitionFacts.PROTOCOL_VERSION,
                DefinitionFacts.RELEASE_STAGE,
                "custom",
                d.type(),
                d.spec().toJsonSchema());
    }
}
