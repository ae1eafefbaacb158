package io.tributary.server.store;

import io.tributary.batch.engine.RetryPolicy;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * A connection as stored: which source feeds which destination, its configured catalog (Airbyte's
 * {@code syncCatalog}), namespace mapping, schedule, retry policy, and how many jobs failed in a row.
 */
public record ConnectionRecord(
        UUID id,
        UUID workspaceId,
        String name,
        UUID sourceId,
        UUID destinationId,
        String status,
        String namespaceDefinition,
        String namespaceFormat,
        String prefix,
        ObjectNode syncCatalog,
        ScheduleSettings schedule,
        int chunkSize,
        RetryPolicy retry,
        int consecutiveFailures,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isActive() {
        return "active".equals(status);
    }
}
