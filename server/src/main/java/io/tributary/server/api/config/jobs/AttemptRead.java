package io.tributary.server.api.config.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.server.jobs.JobView;
import io.tributary.server.store.AttemptRecord;
import java.util.List;

/**
 * Airbyte's AttemptRead: number, status ({@code running|failed|succeeded}), counts (live while it
 * runs), times in epoch seconds; {@code endedAt} once ended, {@code failureSummary} once failed.
 */
public record AttemptRead(
        long id,
        String status,
        long createdAt,
        long updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long endedAt,
        long bytesSynced,
        long recordsSynced,
        AttemptStats totalStats,
        @JsonInclude(JsonInclude.Include.NON_NULL) AttemptFailureSummary failureSummary) {

    public static AttemptRead of(JobView.Attempt a) {
        AttemptRecord r = a.record();
        AttemptFailureSummary summary = null;
        if (r.failure() != null) {
            boolean cancelled = "cancelled".equals(r.failure());
            FailureReason failure = new FailureReason(
                    cancelled ? "airbyte_platform" : "source",
                    cancelled ? "manual_cancellation" : "system_error",
                    r.failure(),
                    r.endedAt() == null ? 0 : r.endedAt().toEpochMilli());
            summary = new AttemptFailureSummary(List.of(failure), a.records() > 0);
        }
        return new AttemptRead(
                r.number(),
                r.status(),
                JobRead.seconds(r.createdAt()),
                JobRead.seconds(r.updatedAt()),
                r.endedAt() == null ? null : JobRead.seconds(r.endedAt()),
                a.bytes(),
                a.records(),
                new AttemptStats(a.records(), a.bytes(), a.records()),
                summary);
    }
}
