package io.tributary.server.jobs;

import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncException;
import io.tributary.batch.engine.SyncKind;
import io.tributary.batch.engine.SyncResult;
import io.tributary.batch.job.SyncOwnerListener;
import io.tributary.connector.config.ConfigException;
import io.tributary.schedules.ConnectionSchedules;
import io.tributary.schedules.ScheduledSyncs;
import io.tributary.schedules.SyncRetries;
import io.tributary.server.logging.AttemptLogAppender;
import io.tributary.server.logging.SecretMasker;
import io.tributary.server.service.ConflictException;
import io.tributary.server.service.ConnectionConfigs;
import io.tributary.server.service.ConnectionService;
import io.tributary.server.service.InvalidInputException;
import io.tributary.server.store.AttemptRecord;
import io.tributary.server.store.ConnectionRecord;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.JobRecord;
import io.tributary.server.store.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs Airbyte-style jobs on the engine: a job is requested (at most one in progress per
 * connection, on any node), each attempt runs in the background as a Spring Batch execution, a
 * failed attempt is followed by another after a backoff (resuming the failed execution after its
 * last committed chunk) until the connection's retry policy is spent, a cancel stops the execution
 * at its next chunk boundary, and after too many failed jobs in a row the connection is disabled.
 * A waiting retry is a one-shot Quartz trigger in the clustered store, so it survives a restart and
 * runs on one node of the cluster.
 */
public class SyncJobs implements ScheduledSyncs, SyncRetries {

    private static final Logger log = LoggerFactory.getLogger(SyncJobs.class);

    private final JobStore jobs;
    private final ConnectionStore connections;
    private final ConnectionConfigs configs;
    private final ConnectionService connectionService;
    private final SyncEngine engine;
    private final Executor executor;
    private final ConnectionSchedules retries;
    private final JobSettings settings;
    private final List<JobEvents> events;

    public SyncJobs(
            JobStore jobs,
            ConnectionStore connections,
            ConnectionConfigs configs,
            ConnectionService connectionService,
            SyncEngine engine,
            Executor executor,
            ConnectionSchedules retries,
            JobSettings settings,
            List<JobEvents> events) {
        this.jobs = jobs;
        this.connections = connections;
        this.configs = configs;
        this.connectionService = connectionService;
        this.engine = engine;
        this.executor = executor;
        this.retries = retries;
        this.settings = settings;
        this.events = List.copyOf(events);
    }

    /**
     * Requests a sync ({@code sync}) or reset ({@code reset_connection}) and returns at once with
     * the job pending. A sync after a failed one resumes it after its last committed chunk.
     *
     * @throws ConflictException when a job of the connection is in progress
     */
    public JobView trigger(UUID connectionId, String configType) {
        ConnectionRecord connection = connections.get(connectionId);
        if ("deprecated".equals(connection.status())) {
            throw new InvalidInputException(
                    "connectionId", connectionId.toString(), "the connection was deleted; it cannot sync");
        }
        JobRecord job = jobs.createPending(connectionId, configType)
                .orElseThrow(() -> new ConflictException("A sync is already running for: " + connectionId));
        SyncKind kind = "reset_connection".equals(configType)
                ? SyncKind.RESET
                : engine.lastSync(connectionId.toString())
                                .filter(r -> "FAILED".equals(r.status()))
                                .isPresent()
                        ? SyncKind.RESUME
                        : SyncKind.SYNC;
        log.info(
                "Job {} ({}) of connection {} ({}) requested{}",
                job.id(),
                configType,
                connection.name(),
                connectionId,
                kind == SyncKind.RESUME ? "; it resumes the failed sync after its last committed chunk" : "");
        runAttempt(job, 0, kind);
        JobView view = view(job.id());
        events.forEach(e -> e.jobStarted(connection, view));
        return view;
    }

    /** A scheduled firing: a sync unless one is in progress (then it is skipped, never run twice at once). */
    @Override
    public void fire(String connectionId, java.time.Instant scheduledFor) {
        UUID id = UUID.fromString(connectionId);
        Optional<ConnectionRecord> connection = connections.find(id);
        if (connection.isEmpty() || !connection.get().isActive()) {
            return;
        }
        try {
            JobView job = trigger(id, "sync");
            log.info(
                    "Scheduled sync of {} (due {}) started as job {}",
                    connection.get().name(),
                    scheduledFor,
                    job.job().id());
        } catch (ConflictException e) {
            log.info(
                    "Scheduled sync of {} (due {}) skipped: a job of it is still in progress",
                    connection.get().name(),
                    scheduledFor);
        }
    }

    /**
     * Cancels a job: a running attempt stops at its next chunk boundary (what it committed stays),
     * a waiting retry is dropped. Waits a little for the stop, so that the answer is usually final.
     */
    public JobView cancel(long jobId) {
        JobRecord job = jobs.get(jobId);
        if (job.isTerminal()) {
            return view(jobId);
        }
        jobs.requestCancel(jobId);
        log.info("Job {} cancel requested", jobId);
        if ("incomplete".equals(job.status())) {
            retries.cancelRetry(jobId);
            end(jobId, "cancelled", null);
        }
        for (AttemptRecord attempt : jobs.attempts(jobId)) {
            if ("running".equals(attempt.status()) && attempt.jobExecutionId() != null) {
                engine.stop(attempt.jobExecutionId());
            }
        }
        long deadline = System.nanoTime() + settings.cancelWait().toNanos();
        while (!jobs.get(jobId).isTerminal() && System.nanoTime() < deadline) {
            sleep(100);
        }
        return view(jobId);
    }

    public JobView view(long jobId) {
        JobRecord job = jobs.get(jobId);
        List<JobView.Attempt> attempts = new ArrayList<>();
        for (AttemptRecord a : jobs.attempts(jobId)) {
            long records = a.records();
            long bytes = a.bytes();
            if ("running".equals(a.status()) && a.jobExecutionId() != null) {
                Optional<SyncResult> live = engine.execution(a.jobExecutionId());
                records = live.map(SyncResult::records).orElse(records);
                bytes = live.map(SyncResult::bytes).orElse(bytes);
            }
            attempts.add(new JobView.Attempt(a, records, bytes, jobs.logLines(jobId, a.number())));
        }
        return new JobView(job, attempts);
    }

    public List<JobView> list(UUID connectionId, List<String> configTypes, String status, int limit, int offset) {
        return jobs.list(connectionId, configTypes, status, limit, offset).stream()
                .map(j -> view(j.id()))
                .toList();
    }

    public long count(UUID connectionId, List<String> configTypes, String status) {
        return jobs.count(connectionId, configTypes, status);
    }

    /**
     * At start-up: marks failed the executions and attempts left running by a process that died
     * (kill -9, power loss), then lets each such job go on as its retry policy says; a job left
     * waiting for a retry that is not in the scheduler (its node died between the failure and the
     * scheduling) is retried now.
     */
    public void recover() {
        List<SyncResult> recovered = engine.recoverDeadExecutions();
        if (!recovered.isEmpty()) {
            log.warn("Recovered {} sync(s) left running by a process that died", recovered.size());
        }
        for (AttemptRecord attempt : jobs.runningAttempts()) {
            if (SyncOwnerListener.isAlive(attempt.owner())) {
                continue;
            }
            SyncResult result = attempt.jobExecutionId() == null
                    ? null
                    : engine.execution(attempt.jobExecutionId()).orElse(null);
            String why =
                    "the service running it (" + attempt.owner() + ") stopped during the sync; recovered at start-up";
            log.warn("Job {} attempt {}: {}", attempt.jobId(), attempt.number(), why);
            finish(
                    jobs.get(attempt.jobId()),
                    attempt.number(),
                    SyncKind.RESUME,
                    result == null || result.status().equals("COMPLETED") ? null : result,
                    new SyncException(why));
        }
        for (JobRecord job : jobs.inProgress()) {
            List<AttemptRecord> attempts = jobs.attempts(job.id());
            AttemptRecord last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
            if ("incomplete".equals(job.status())
                    && last != null
                    && !"running".equals(last.status())
                    && !SyncOwnerListener.isAlive(last.owner())
                    && retries.retryTime(job.id()).isEmpty()) {
                log.info("Job {}: running the retry its previous node was waiting for", job.id());
                runAttempt(job, last.number() + 1, SyncKind.RESUME);
            }
        }
    }

    private void runAttempt(JobRecord job, int number, SyncKind kind) {
        ConnectionRecord connection = connections.get(job.connectionId());
        jobs.startAttempt(job.id(), number, SyncOwnerListener.currentOwner());
        Executor withLogContext = task -> executor.execute(() -> {
            MDC.put(AttemptLogAppender.JOB_KEY, String.valueOf(job.id()));
            MDC.put(AttemptLogAppender.ATTEMPT_KEY, String.valueOf(number));
            try {
                task.run();
            } finally {
                MDC.remove(AttemptLogAppender.JOB_KEY);
                MDC.remove(AttemptLogAppender.ATTEMPT_KEY);
            }
        });
        TributaryConfig config;
        try {
            config = configs.of(connection);
        } catch (RuntimeException e) {
            finish(job, number, kind, null, e);
            return;
        }
        engine.launch(
                        kind,
                        config,
                        connection.id().toString(),
                        executionId -> started(job.id(), number, executionId),
                        withLogContext)
                .whenComplete((result, error) -> {
                    try {
                        finish(jobs.get(job.id()), number, kind, result, error);
                    } catch (RuntimeException e) {
                        log.error(
                                "Job {} attempt {} could not be recorded as ended: {}",
                                job.id(),
                                number,
                                e.getMessage(),
                                e);
                    }
                });
    }

    private void started(long jobId, int number, long executionId) {
        jobs.attemptExecution(jobId, number, executionId);
        jobs.setStatus(jobId, "running");
        log.info("Job {} attempt {} running as execution {}", jobId, number, executionId);
        if (jobs.get(jobId).cancelRequested()) {
            engine.stop(executionId);
        }
    }

    private void finish(JobRecord job, int number, SyncKind kind, SyncResult result, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        long records = result == null ? 0 : result.records();
        long bytes = result == null ? 0 : result.bytes();
        if (result != null && result.succeeded()) {
            jobs.endAttempt(job.id(), number, "succeeded", records, bytes, null);
            log.info("Job {} attempt {} succeeded: {} records, {} bytes", job.id(), number, records, bytes);
            connections.resetFailures(job.connectionId());
            end(job.id(), "succeeded", null);
            return;
        }
        boolean stopped = result != null && "STOPPED".equals(result.status());
        String failure = stopped ? "cancelled" : SecretMasker.mask(message(result, cause));
        jobs.endAttempt(job.id(), number, "failed", records, bytes, failure);
        if (stopped || jobs.get(job.id()).cancelRequested()) {
            log.info("Job {} attempt {} cancelled after {} records", job.id(), number, records);
            end(job.id(), "cancelled", null);
            return;
        }
        log.warn("Job {} attempt {} failed: {}", job.id(), number, failure);
        ConnectionRecord connection = connections.get(job.connectionId());
        boolean retryable = !(cause instanceof ConfigException || cause instanceof InvalidInputException);
        Optional<Duration> delay = retryable ? connection.retry().delayAfter(number) : Optional.empty();
        if (delay.isPresent()
                && scheduleRetry(
                        job,
                        number + 1,
                        result != null || kind == SyncKind.RESUME ? SyncKind.RESUME : kind,
                        connection,
                        delay.get())) {
            return;
        }
        end(job.id(), "failed", failure);
        int failures = connections.recordFailure(job.connectionId());
        if (failures >= settings.maxConsecutiveFailures() && connectionService.disable(job.connectionId())) {
            log.warn(
                    "Connection {} ({}) disabled after {} failed jobs in a row",
                    connection.name(),
                    connection.id(),
                    failures);
            ConnectionRecord disabled = connections.get(job.connectionId());
            events.forEach(e -> e.connectionDisabled(disabled, failures));
        }
    }

    /** Leaves the job incomplete with its next attempt waiting in Quartz; false when the scheduler refused it. */
    private boolean scheduleRetry(JobRecord job, int next, SyncKind kind, ConnectionRecord connection, Duration delay) {
        jobs.setStatus(job.id(), "incomplete");
        log.info(
                "Job {}: attempt {} of {} starts in {} s and resumes after the last committed chunk",
                job.id(),
                next,
                connection.retry().maxAttempts(),
                delay.toSeconds());
        try {
            retries.scheduleRetry(
                    job.connectionId().toString(),
                    job.id(),
                    next,
                    kind.name(),
                    Instant.now().plus(delay));
            return true;
        } catch (RuntimeException e) {
            // Failing the job now beats leaving it waiting for a retry that nothing will start.
            log.error("Job {}: the retry could not be scheduled: {}", job.id(), e.getMessage(), e);
            return false;
        }
    }

    /**
     * A retry trigger fired (on this node only, whichever scheduled it): starts attempt
     * {@code number} unless the job ended, was cancelled, or already has that attempt.
     */
    @Override
    public void retry(String connectionId, long jobId, int number, String kindName) {
        JobRecord job = jobs.get(jobId);
        if (job.isTerminal() || job.cancelRequested()) {
            log.info("Job {}: retry dropped, the job is {}", jobId, job.cancelRequested() ? "cancelled" : job.status());
            return;
        }
        if (jobs.attempts(jobId).stream().anyMatch(a -> a.number() >= number)) {
            log.info("Job {}: attempt {} already started; retry dropped", jobId, number);
            return;
        }
        SyncKind kind = SyncKind.valueOf(kindName);
        log.info("Job {} of connection {}: retry fired, attempt {} starts ({})", jobId, connectionId, number, kind);
        try {
            runAttempt(job, number, kind);
        } catch (RuntimeException e) {
            log.error("Job {} attempt {} could not start: {}", jobId, number, e.getMessage(), e);
            end(jobId, "failed", e.getMessage());
        }
    }

    private void end(long jobId, String status, String failure) {
        jobs.setStatus(jobId, status);
        JobView view = view(jobId);
        ConnectionRecord connection = connections.get(view.job().connectionId());
        events.forEach(e -> {
            try {
                e.jobEnded(connection, view, failure);
            } catch (RuntimeException ex) {
                log.warn("A job listener failed for job {}: {}", jobId, ex.getMessage());
            }
        });
    }

    private static String message(SyncResult result, Throwable cause) {
        if (result != null && result.failure() != null) {
            return result.failure();
        }
        if (cause != null) {
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        return result == null
                ? "unknown failure"
                : "sync ended " + result.status().toLowerCase(java.util.Locale.ROOT);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
