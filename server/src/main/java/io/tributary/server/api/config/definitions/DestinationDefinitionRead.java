package io.tributary.server.api.config.definitions;

import io.tributary.server.service.Connectors;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Airbyte's DestinationDefinitionRead for one of Tributary's built-in destination connectors. */
public record DestinationDefinitionRead(
        UUID destinationDefinitionId,
        String name,
        String dockerRepository,
        String dockerImageTag,
        String documentationUrl,
        String protocolVersion,
        String releaseStage,
        String connectorType,
        JsonNode connectionSpecification) {

    public static DestinationDefinitionRead of(Connectors.Definition d) {
        return new DestinationDefinitionRead(
                d.id(),
                d.spec().title(),
                "tributary/destination-" + d.type(),
                DefinitionFacts.IMAGE_TAG,
                "",
                DefinitionFacts.PROTOCOL_VERSION,
                DefinitionFacts.RELEASE_STAGE,
                d.type(),
                d.spec().toJsonSchema());
    }
}
