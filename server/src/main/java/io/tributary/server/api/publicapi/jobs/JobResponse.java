package io.tributary.server.api.publicapi.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.server.jobs.JobView;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The public API's JobResponse, what Airbyte's SDK parses: times ISO-8601 UTC, {@code duration}
 * ISO-8601 ({@code PT1M5S}) so far or in all, {@code lastUpdatedAt} once the job ended.
 */
public record JobResponse(
        long jobId,
        String status,
        String jobType,
        String startTime,
        UUID connectionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String lastUpdatedAt,
        String duration,
        long bytesSynced,
        long rowsSynced) {

    public static JobResponse of(JobView v) {
        boolean terminal = v.job().isTerminal();
        Instant end = terminal ? v.job().updatedAt() : Instant.now();
        return new JobResponse(
                v.job().id(),
                v.job().status(),
                "reset_connection".equals(v.job().configType()) ? "reset" : "sync",
                iso(v.job().createdAt()),
                v.job().connectionId(),
                terminal ? iso(v.job().updatedAt()) : null,
                Duration.between(v.job().createdAt(), end)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString(),
                v.bytes(),
                v.records());
    }

    private static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
