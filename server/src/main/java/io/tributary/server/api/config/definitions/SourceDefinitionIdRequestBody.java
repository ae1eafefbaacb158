package io.tributary.server.api.config.definitions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** A request naming a source connector ({@code source_definitions/get}, {@code source_definition_specifications/get}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceDefinitionIdRequestBody(UUID sourceDefinitionId) {}
