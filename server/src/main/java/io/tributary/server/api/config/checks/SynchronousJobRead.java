package io.tributary.server.api.config.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.server.api.config.jobs.FailureReason;
import io.tributary.server.api.config.jobs.LogRead;
import java.util.UUID;

/**
 * Airbyte's SynchronousJobRead: the check or discover that ran during the request ({@code configType}
 * {@code check_connection_source}, {@code discover_schema}...); times in epoch seconds.
 */
public record SynchronousJobRead(
        UUID id,
        String configType,
        UUID configId,
        long createdAt,
        long endedAt,
        boolean succeeded,
        LogRead logs,
        @JsonInclude(JsonInclude.Include.NON_NULL) FailureReason failureReason) {

    /** A run that began at {@code startedMillis} and ends now. */
    public static SynchronousJobRead of(
            UUID actorId, String configType, long startedMillis, boolean succeeded, FailureReason failure) {
        return new SynchronousJobRead(
                UUID.randomUUID(),
                configType,
                actorId,
                startedMillis / 1000,
                System.currentTimeMillis() / 1000,
                succeeded,
                LogRead.empty(),
                failure);
    }
}
