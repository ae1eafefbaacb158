package io.tributary.server.api.config.connections;

import io.tributary.server.service.ConnectionInput;
import io.tributary.server.service.InvalidInputException;
import io.tributary.server.store.ScheduleSettings;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The settings {@code connections/create} and {@code connections/update} share, and how they become the service's input. */
public interface ConnectionSettings {

    String name();

    String namespaceDefinition();

    String namespaceFormat();

    String prefix();

    JsonNode syncCatalog();

    String scheduleType();

    ConnectionScheduleData scheduleData();

    ConnectionSchedule schedule();

    String status();

    Integer chunkSize();

    Integer maxAttempts();

    Integer retryBackoffSeconds();

    ConnectionRetryPolicy retryPolicy();

    /** The service's input; {@code sourceId} and {@code destinationId} only when creating. */
    default ConnectionInput toInput(UUID sourceId, UUID destinationId) {
        JsonNode catalog = syncCatalog();
        if (catalog != null && !catalog.isNull() && !catalog.isObject()) {
            throw new InvalidInputException("syncCatalog", catalog.toString(), "must be an object with streams");
        }
        Integer attempts = maxAttempts();
        Integer backoff = retryBackoffSeconds();
        if (retryPolicy() != null) {
            attempts = retryPolicy().maxAttempts();
            backoff = retryPolicy().backoffSeconds();
        }
        return new ConnectionInput(
                name(),
                sourceId,
                destinationId,
                namespaceDefinition(),
                namespaceFormat(),
                prefix(),
                catalog == null || catalog.isNull() ? null : (ObjectNode) catalog,
                scheduleSettings(),
                status(),
                chunkSize(),
                attempts,
                backoff);
    }

    /** Airbyte's scheduleType + scheduleData, or the legacy {@code schedule {units, timeUnit}}. */
    private ScheduleSettings scheduleSettings() {
        String type = scheduleType();
        if (type == null && schedule() != null) {
            type = "basic";
        }
        if (type == null) {
            return null;
        }
        switch (type) {
            case "manual":
                return ScheduleSettings.manual();
            case "basic": {
                ConnectionScheduleDataBasicSchedule basic =
                        scheduleData() == null ? null : scheduleData().basicSchedule();
                Long units = basic != null
                        ? basic.units()
                        : schedule() == null ? null : schedule().units();
                String unit = basic != null
                        ? basic.timeUnit()
                        : schedule() == null ? null : schedule().timeUnit();
                if (units == null || unit == null) {
                    throw new InvalidInputException(
                            "scheduleData.basicSchedule",
                            "{\"units\": " + units + ", \"timeUnit\": " + unit + "}",
                            "a basic schedule needs units and timeUnit, e.g. {\"units\": 6, \"timeUnit\": \"hours\"}");
                }
                return new ScheduleSettings("basic", units, unit, null, null);
            }
            case "cron": {
                ConnectionScheduleDataCron cron =
                        scheduleData() == null ? null : scheduleData().cron();
                String expression = cron == null ? null : cron.cronExpression();
                if (expression == null) {
                    throw new InvalidInputException(
                            "scheduleData.cron.cronExpression",
                            null,
                            "a cron schedule needs scheduleData.cron.cronExpression, e.g. \"0 */6 * * *\" or \"0 0 */6 * * ?\"");
                }
                return new ScheduleSettings("cron", null, null, expression, cron.cronTimeZone());
            }
            default:
                throw new InvalidInputException("scheduleType", type, "use manual, basic or cron");
        }
    }
}
