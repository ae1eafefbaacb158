package io.tributary.server.api.config.connections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A cron schedule: a Quartz or Unix cron expression and its time zone (default UTC). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionScheduleDataCron(String cronExpression, String cronTimeZone) {}
