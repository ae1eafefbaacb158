package io.tributary.server.api.config.sources;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** {@code sources/update}: a new name and settings; a masked secret ({@code **********}) keeps the stored one. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceUpdate(UUID sourceId, String name, JsonNode connectionConfiguration) {}
