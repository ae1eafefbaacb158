package io.tributary.server.api.config.connections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** {@code connections/update}: the connection and whichever settings change (the others stay). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionUpdate(
        UUID connectionId,
        String name,
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
