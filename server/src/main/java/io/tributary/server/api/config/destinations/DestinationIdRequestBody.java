package io.tributary.server.api.config.destinations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** A request naming a destination ({@code destinations/get}, {@code delete}, {@code check_connection}...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DestinationIdRequestBody(UUID destinationId) {}
