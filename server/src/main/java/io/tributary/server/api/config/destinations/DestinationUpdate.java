package io.tributary.server.api.config.destinations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** {@code destinations/update}: a new name and settings; a masked secret ({@code **********}) keeps the stored one. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DestinationUpdate(UUID destinationId, String name, JsonNode connectionConfiguration) {}
