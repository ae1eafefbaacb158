package io.tributary.server.api.config.connections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** A request naming a connection ({@code connections/get}, {@code sync}, {@code reset}, {@code delete}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionIdRequestBody(UUID connectionId) {}
