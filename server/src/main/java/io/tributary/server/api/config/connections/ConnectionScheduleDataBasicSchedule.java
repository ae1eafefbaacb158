package io.tributary.server.api.config.connections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A basic schedule: every {@code units} {@code timeUnit} (minutes, hours, days, weeks, months). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionScheduleDataBasicSchedule(String timeUnit, Long units) {}
