package io.tributary.server.api.config.definitions;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A request naming a destination connector ({@code destination_definitions/get}, its specification). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DestinationDefinitionIdRequestBody(UUID destinationDefinitionId) {
}
