package io.tributary.server.api.config.jobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A request naming a job ({@code jobs/get}, {@code jobs/cancel}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobIdRequestBody(Long id) {}
