package io.tributary.server.api.config.jobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page of {@code jobs/list}: at most {@code pageSize} jobs (default 200, at most 1000) after {@code rowOffset}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pagination(Integer pageSize, Integer rowOffset) {}
