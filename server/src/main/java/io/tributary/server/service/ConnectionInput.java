package io.tributary.server.service;

import io.tributary.server.store.ScheduleSettings;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a create or update of a connection asks for; on update, a null field keeps the current value.
 *
 * @param maxAttempts attempts per job (automatic retries resume the failed execution)
 * @param retryBackoffSeconds wait before the second attempt, doubled for each further one
 */
public record ConnectionInput(
        String name,
        UUID sourceId,
        UUID destinationId,
        String namespaceDefinition,
        String namespaceFormat,
        String prefix,
        ObjectNode syncCatalog,
        ScheduleSettings schedule,
        String status,
        Integer chunkSize,
        Integer maxAttempts,
        Integer retryBackoffSeconds) {}
