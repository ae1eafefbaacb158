package io.tributary.server.api.config.definitions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** A request naming a destination connector ({@code destination_definitions/get}, its specification). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DestinationDefinitionIdRequestBody(UUID destinationDefinitionId) {}
