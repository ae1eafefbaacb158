package io.tributary.server.api.config.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.server.jobs.JobView;
import java.time.Instant;
import java.util.UUID;

/**
 * Airbyte's JobRead: {@code configType} {@code sync} or {@code reset_connection}, {@code configId}
 * the connection, times in epoch seconds, {@code status} one of pending, running, incomplete,
 * failed, succeeded, cancelled; {@code startedAt} once an attempt began.
 */
public record JobRead(
        long id,
        String configType,
        UUID configId,
        long createdAt,
        long updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long startedAt,
        String status) {

    public static JobRead of(JobView v) {
        return new JobRead(
                v.job().id(),
                v.job().configType(),
                v.job().connectionId(),
                seconds(v.job().createdAt()),
                seconds(v.job().updatedAt()),
                v.attempts().isEmpty()
                        ? null
                        : seconds(v.attempts().get(0).record().createdAt()),
                v.job().status());
    }

    static long seconds(Instant t) {
        return t == null ? 0 : t.getEpochSecond();
    }
}
