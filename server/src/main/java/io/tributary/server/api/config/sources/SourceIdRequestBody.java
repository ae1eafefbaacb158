package io.tributary.server.api.config.sources;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** A request naming a source ({@code sources/get}, {@code delete}, {@code check_connection}...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceIdRequestBody(UUID sourceId) {}
