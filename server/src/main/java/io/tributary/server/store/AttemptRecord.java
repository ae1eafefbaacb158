package io.tributary.server.store;

import java.time.Instant;

/**
 * One run of a job: a Spring Batch job execution (a first run, or a restart that resumes after the
 * last committed chunk).
 *
 * @param status running, failed or succeeded
 * @param owner the process ({@code pid@host}) that runs it
 * @param jobExecutionId the Spring Batch execution, once it started
 */
public record AttemptRecord(
        long jobId,
        int number,
        String status,
        String owner,
        Long jobExecutionId,
        long records,
        long bytes,
        String failure,
        Instant createdAt,
        Instant updatedAt,
        Instant endedAt) {}
