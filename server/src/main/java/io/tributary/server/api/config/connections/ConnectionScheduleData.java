package io.tributary.server.api.config.connections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Airbyte's scheduleData: the basic schedule or the cron schedule, whichever {@code scheduleType} names. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionScheduleData(
        ConnectionScheduleDataBasicSchedule basicSchedule, ConnectionScheduleDataCron cron) {}
