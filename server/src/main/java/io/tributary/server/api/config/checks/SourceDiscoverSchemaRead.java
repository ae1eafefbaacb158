package io.tributary.server.api.config.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tributary.server.api.config.connections.AirbyteCatalog;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * {@code sources/discover_schema}: the source's streams as a sync catalog (every stream selected,
 * full refresh, overwrite) and the run; when discovery fails, only the run with its failure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceDiscoverSchemaRead(
        @Schema(implementation = AirbyteCatalog.class) JsonNode catalog, UUID catalogId, SynchronousJobRead jobInfo) {}
