package io.tributary.server.api.config.connections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Airbyte's legacy {@code schedule {units, timeUnit}}, which older clients still send and read. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionSchedule(String timeUnit, Long units) {}
