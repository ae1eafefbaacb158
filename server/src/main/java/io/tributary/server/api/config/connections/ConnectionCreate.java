package io.tributary.server.api.config.connections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code connections/create}: source and destination (required), streams (default: every
 * discovered stream), namespace mapping, schedule, status, chunk size and retry policy.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionCreate(
        String name,
        UUID sourceId,
        UUID destinationId,
        String namespaceDefinition,
        String namespaceFormat,
        String prefix,
        @Schema(implementation = AirbyteCatalog.class) JsonNode syncCatalog,
        String scheduleType,
        ConnectionScheduleData scheduleData,
        ConnectionSchedule schedule,
        String status,
        Integer chunkSize,
        Integer maxAttempts,
        Integer retryBackoffSeconds,
        ConnectionRetryPolicy retryPolicy)
        implements ConnectionSettings {}
