package io.tributary.server.api.config.connections;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A request naming a connection ({@code connections/get}, {@code sync}, {@code reset}, {@code delete}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionIdRequestBody(UUID connectionId) {
}
