package io.tributary.server.api.config.connections;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tributary.server.store.ConnectionRecord;
import io.tributary.server.store.ScheduleSettings;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Airbyte's ConnectionRead. {@code scheduleData} is there for basic and cron schedules, the legacy
 * {@code schedule} for basic ones only, as Airbyte answers; {@code createdAt} in epoch seconds;
 * chunk size, retry policy and failures in a row are Tributary's additions.
 */
public record ConnectionRead(
        UUID connectionId,
        String name,
        String namespaceDefinition,
        String namespaceFormat,
        String prefix,
        UUID sourceId,
        UUID destinationId,
        UUID workspaceId,
        List<UUID> operationIds,
        @Schema(implementation = AirbyteCatalog.class) JsonNode syncCatalog,
        String scheduleType,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConnectionSchedule schedule,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConnectionScheduleData scheduleData,
        String status,
        boolean breakingChange,
        String geography,
        long createdAt,
        int chunkSize,
        ConnectionRetryPolicy retryPolicy,
        int consecutiveFailures) {

    public static ConnectionRead of(ConnectionRecord c) {
        ScheduleSettings s = c.schedule();
        ConnectionSchedule legacy = null;
        ConnectionScheduleData data = null;
        if ("basic".equals(s.type())) {
            legacy = new ConnectionSchedule(s.timeUnit(), s.units());
            data = new ConnectionScheduleData(new ConnectionScheduleDataBasicSchedule(s.timeUnit(), s.units()), null);
        } else if ("cron".equals(s.type())) {
            data = new ConnectionScheduleData(
                    null,
                    new ConnectionScheduleDataCron(
                            s.cronExpression(), s.cronTimeZone() == null ? "UTC" : s.cronTimeZone()));
        }
        return new ConnectionRead(
                c.id(),
                c.name(),
                c.namespaceDefinition(),
                c.namespaceFormat(),
                c.prefix(),
                c.sourceId(),
                c.destinationId(),
                c.workspaceId(),
                List.of(),
                c.syncCatalog(),
                s.type(),
                legacy,
                data,
                c.status(),
                false,
                "auto",
                c.createdAt() == null ? 0 : c.createdAt().getEpochSecond(),
                c.chunkSize(),
                new ConnectionRetryPolicy(
                        c.retry().maxAttempts(),
                        Math.toIntExact(c.retry().backoff().toSeconds())),
                c.consecutiveFailures());
    }
}
