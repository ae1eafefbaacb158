package io.tributary.server.jobs;

import io.tributary.server.store.AttemptRecord;
import io.tributary.server.store.JobRecord;
import java.util.List;

/** A job with its attempts, counts live while an attempt runs, and each attempt's log lines. */
public record JobView(JobRecord job, List<Attempt> attempts) {

    /** An attempt with its current counts (those of the running execution while it runs). */
    public record Attempt(AttemptRecord record, long records, long bytes, List<String> logLines) {}

    public long records() {
        return attempts.stream().mapToLong(Attempt::records).sum();
    }

    public long bytes() {
        return attempts.stream().mapToLong(Attempt::bytes).sum();
    }
}
