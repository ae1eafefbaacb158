package io.tributary.server.api.config.sources;

import io.tributary.server.service.Connectors;
import io.tributary.server.store.Actor;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Airbyte's SourceRead: a configured source with its settings, every secret masked; {@code createdAt} in epoch seconds. */
public record SourceRead(
        UUID sourceDefinitionId,
        UUID sourceId,
        UUID workspaceId,
        JsonNode connectionConfiguration,
        String name,
        String sourceName,
        String connectorType,
        long createdAt) {

    public static SourceRead of(Actor a, JsonNode maskedConfiguration, Connectors.Definition d) {
        return new SourceRead(
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
