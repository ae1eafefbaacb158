package io.tributary.batch.engine;

import io.tributary.batch.job.StepNames;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The outcome of a sync (one job execution): status, per-stream records and bytes, duration, and
 * the failure's message when it failed.
 *
 * @param status the Spring Batch status name, e.g. COMPLETED, FAILED, STOPPED
 */
public record SyncResult(
        String connection,
        long jobExecutionId,
        long jobInstanceId,
        String status,
        LocalDateTime startTime,
        Duration duration,
        List<StreamResult> streams,
        String failure) {

    public boolean succeeded() {
        return BatchStatus.COMPLETED.name().equals(status);
    }

    public long records() {
        return streams.stream().mapToLong(StreamResult::records).sum();
    }

    public long bytes() {
        return streams.stream().mapToLong(StreamResult::bytes).sum();
    }

    /** Aggregates every execution of the job instance that {@code execution} belongs to. */
    public static SyncResult of(JobExecution execution) {
        List<StreamResult> streams = new ArrayList<>();
        execution.getStepExecutions().stream()
                .filter(s -> StepNames.isLoad(s.getStepName()))
                .sorted(Comparator.comparing(StepExecution::getId))
                .forEach(s -> streams.add(new StreamResult(
                        StepNames.stream(s.getStepName()),
                        s.getStatus().name(),
                        s.getWriteCount(),
                        s.getExecutionContext().getLong("tributary.bytes", 0L))));
        LocalDateTime start = execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime();
        LocalDateTime end = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now();
        Duration duration = start == null ? Duration.ZERO : Duration.between(start, end);
        String failure = execution.getAllFailureExceptions().stream()
                .map(SyncResult::rootMessage)
                .findFirst()
                .orElse(null);
        return new SyncResult(
                execution.getJobInstance().getJobName(),
                execution.getId(),
                execution.getJobInstance().getInstanceId(),
                execution.getStatus().name(),
                start,
                duration,
                streams,
                failure);
    }

    static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return cause == t ? message : message + " (" + t.getClass().getSimpleName() + ")";
    }
}
