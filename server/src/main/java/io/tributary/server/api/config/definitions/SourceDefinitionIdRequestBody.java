package io.tributary.server.api.config.definitions;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A request naming a source connector ({@code source_definitions/get}, {@code source_definition_specifications/get}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceDefinitionIdRequestBody(UUID sourceDefinitionId) {
}
