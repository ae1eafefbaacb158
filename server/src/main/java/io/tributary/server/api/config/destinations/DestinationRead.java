package io.tributary.server.api.config.destinations;

import io.tributary.server.service.Connectors;
import io.tributary.server.store.Actor;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Airbyte's DestinationRead: a configured destination with its settings, every secret masked; {@code createdAt} in epoch seconds. */
public record DestinationRead(
        UUID destinationDefinitionId,
        UUID destinationId,
        UUID workspaceId,
        JsonNode connectionConfiguration,
        String name,
        String destinationName,
        String connectorType,
        long createdAt) {

    public static DestinationRead of(Actor a, JsonNode maskedConfiguration, Connectors.Definition d) {
        return new DestinationRead(
                d.id(),
                a.id(),
                a.workspaceId(),
                maskedConfiguration,
                a.name(),
                d.spec().title(),
                a.connectorType(),
                a.createdAt() == null ? 0 : a.createdAt().getEpochSecond());
    }
}
