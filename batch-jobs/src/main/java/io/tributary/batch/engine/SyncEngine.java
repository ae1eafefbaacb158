package io.tributary.batch.engine;

import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.job.ConnectionJobFactory;
import io.tributary.batch.job.SyncOwnerListener;
import io.tributary.batch.plan.ConnectionPlan;
import io.tributary.batch.plan.ConnectionPlanner;
import io.tributary.batch.repository.JobRepositorySchema;
import io.tributary.connector.registry.ConnectorRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs connections as Spring Batch jobs against a JDBC job repository in PostgreSQL: starts syncs,
 * restarts failed ones from their last committed chunk, recovers syncs whose process died, and
 * reads the history.
 */
public final class SyncEngine {

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final String REQUESTED_AT = "sync.requested_at";
    private static final String KIND = "sync.kind";

    private final JobRepository repository;
    private final JobOperator operator;
    private final ConnectionPlanner planner;
    private final ConnectionJobFactory jobFactory;

    public SyncEngine(
            JobRepository repository,
            JobOperator operator,
            PlatformTransactionManager transactionManager,
            ConnectorRegistry registry,
            Duration progressInterval) {
        this.repository = repository;
        this.operator = operator;
        this.planner = new ConnectionPlanner(registry);
        this.jobFactory = new ConnectionJobFactory(repository, transactionManager, progressInterval);
    }

    /** An engine with its own job repository and synchronous launcher on {@code dataSource}; creates the tables if missing. */
    public static SyncEngine create(DataSource dataSource, ConnectorRegistry registry, Duration progressInterval) {
        JobRepositorySchema.ensure(dataSource);
        try {
            JdbcTransactionManager tx = new JdbcTransactionManager(dataSource);
            JdbcJobRepositoryFactoryBean repositoryFactory = new JdbcJobRepositoryFactoryBean();
            repositoryFactory.setDataSource(dataSource);
            repositoryFactory.setTransactionManager(tx);
            repositoryFactory.setDatabaseType("POSTGRES");
            repositoryFactory.afterPropertiesSet();
            JobRepository repository = repositoryFactory.getObject();
            JobOperatorFactoryBean operatorFactory = new JobOperatorFactoryBean();
            operatorFactory.setJobRepository(repository);
            operatorFactory.setTransactionManager(tx);
            operatorFactory.setJobRegistry(new org.springframework.batch.core.configuration.support.MapJobRegistry());
            operatorFactory.setTaskExecutor(new SyncTaskExecutor());
            operatorFactory.afterPropertiesSet();
            return new SyncEngine(repository, operatorFactory.getObject(), tx, registry, progressInterval);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set up the job repository: " + e.getMessage(), e);
        }
    }

    public JobRepository repository() {
        return repository;
    }

    public ConnectionPlanner planner() {
        return planner;
    }

    /** Starts a new sync of {@code connection} and waits for it to end. */
    public SyncResult sync(TributaryConfig config, String connection) {
        return sync(config, connection, SyncListener.NONE);
    }

    /** Starts a new sync of {@code connection} and waits for it to end, telling {@code listener} its execution. */
    public SyncResult sync(TributaryConfig config, String connection, SyncListener listener) {
        ConnectionPlan plan = planner.plan(config, connection);
        recoverDeadExecution(connection);
        Job job = jobFactory.create(plan, listeners(listener));
        JobParameters parameters = new JobParametersBuilder()
                .addLong(REQUESTED_AT, System.currentTimeMillis())
                .toJobParameters();
        return launch(job, parameters);
    }

    /**
     * Empties the connection's streams in the destination and forgets their committed state, so
     * the next sync reads everything again (Airbyte's reset); waits for it to end.
     */
    public SyncResult reset(TributaryConfig config, String connection, SyncListener listener) {
        ConnectionPlan plan = ResetPlans.of(planner.plan(config, connection));
        recoverDeadExecution(connection);
        Job job = jobFactory.create(plan, listeners(listener));
        JobParameters parameters = new JobParametersBuilder()
                .addLong(REQUESTED_AT, System.currentTimeMillis())
                .addString(KIND, SyncKind.RESET.name())
                .toJobParameters();
        return launch(job, parameters);
    }

    /**
     * Runs a sync, resumption or reset of {@code connection} on {@code executor} and returns at
     * once; the future ends with the result, or with the {@link SyncException} or
     * {@link io.tributary.connector.config.ConfigException} that kept it from starting.
     */
    public CompletableFuture<SyncResult> launch(
            SyncKind kind, TributaryConfig config, String connection, SyncListener listener, Executor executor) {
        return CompletableFuture.supplyAsync(
                () -> switch (kind) {
                    case SYNC -> sync(config, connection, listener);
                    case RESUME -> restart(config, connection, listener);
                    case RESET -> reset(config, connection, listener);
                },
                executor);
    }

    /**
     * Asks a running sync to stop: it ends at its next chunk boundary, with everything committed so
     * far kept, as STOPPED. Works from any process that shares the job repository.
     *
     * @return false when the execution does not exist or no longer runs
     */
    public boolean stop(long jobExecutionId) {
        JobExecution execution = repository.getJobExecution(jobExecutionId);
        if (execution == null || !execution.isRunning()) {
            return false;
        }
        if (execution.getStatus() == BatchStatus.STOPPING) {
            return true;
        }
        try {
            return operator.stop(execution);
        } catch (JobExecutionNotRunningException e) {
            return false;
        }
    }

    /** One job execution as a result, with the live counts of its steps while it runs. */
    public Optional<SyncResult> execution(long jobExecutionId) {
        return Optional.ofNullable(repository.getJobExecution(jobExecutionId)).map(SyncResult::of);
    }

    /** The newest execution of {@code connection}, if it ever synced. */
    public Optional<SyncResult> lastSync(String connection) {
        return Optional.ofNullable(lastExecution(connection)).map(SyncResult::of);
    }

    /** Whether the last sync of {@code connection} can be resumed: it failed, was stopped, or its process died. */
    public boolean canResume(String connection) {
        JobExecution last = lastExecution(connection);
        if (last == null) {
            return false;
        }
        BatchStatus status = last.getStatus();
        return status == BatchStatus.FAILED
                || status == BatchStatus.STOPPED
                || (status.isRunning() && !SyncOwnerListener.isAlive(last));
    }

    /**
     * Marks failed (and so restartable) every execution left running by a process that no longer
     * runs on this host, e.g. after {@code kill -9} of the service. An execution that has no owner
     * yet is only taken when it was created more than a minute ago: it may be starting right now.
     *
     * @return the executions recovered
     */
    public List<SyncResult> recoverDeadExecutions() {
        List<SyncResult> recovered = new ArrayList<>();
        LocalDateTime ownerless = LocalDateTime.now().minusMinutes(1);
        for (String name : repository.getJobNames()) {
            for (JobExecution execution : repository.findRunningJobExecutions(name)) {
                boolean hasOwner = execution.getExecutionContext().containsKey(SyncOwnerListener.OWNER_KEY);
                if (SyncOwnerListener.isAlive(execution)
                        || (!hasOwner
                                && execution.getCreateTime() != null
                                && execution.getCreateTime().isAfter(ownerless))) {
                    continue;
                }
                log.warn(
                        "Sync of {} (job {}) was left {} by a process that no longer runs; marking it failed",
                        name,
                        execution.getId(),
                        execution.getStatus());
                recovered.add(SyncResult.of(operator.recover(execution)));
            }
        }
        return recovered;
    }

    private static List<JobExecutionListener> listeners(SyncListener listener) {
        return List.of(new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution jobExecution) {
                listener.started(jobExecution.getId());
            }
        });
    }

    /**
     * Restarts the last sync of {@code connection} if it failed, was stopped, or its process died:
     * completed streams are skipped and the failed one resumes after its last committed chunk.
     *
     * @throws SyncException when there is nothing to restart (no sync yet, or the last one completed)
     */
    public SyncResult restart(TributaryConfig config, String connection) {
        return restart(config, connection, SyncListener.NONE);
    }

    /** {@link #restart(TributaryConfig, String)}, telling {@code listener} the new execution. */
    public SyncResult restart(TributaryConfig config, String connection, SyncListener listener) {
        JobExecution last = lastExecution(connection);
        if (last == null) {
            throw new SyncException("connection '" + connection + "' has no sync to restart; start one with sync");
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            throw new SyncException("the last sync of '" + connection + "' (job " + last.getId()
                    + ") completed; there is nothing to restart. Run sync to start a new one");
        }
        ConnectionPlan plan = planner.plan(config, connection);
        last = recoverDeadExecution(connection);
        if (last.getStatus() == BatchStatus.ABANDONED) {
            throw new SyncException("the last sync of '" + connection + "' (job " + last.getId()
                    + ") was abandoned and cannot be restarted; run sync to start a new one");
        }
        log.info("Restarting sync of {} (job {}, was {})", connection, last.getId(), last.getStatus());
        return launch(jobFactory.create(resetAgain(plan, last), listeners(listener)), last.getJobParameters());
    }

    /** The newest syncs of {@code connection}, newest first, one entry per job execution. */
    public List<SyncResult> history(String connection, int limit) {
        List<SyncResult> out = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(connection, 0, limit)) {
            for (JobExecution execution : repository.getJobExecutions(instance)) {
                out.add(SyncResult.of(execution));
            }
        }
        out.sort((a, b) -> Long.compare(b.jobExecutionId(), a.jobExecutionId()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** A failed reset is resumed as a reset: its parameters say so. */
    private static ConnectionPlan resetAgain(ConnectionPlan plan, JobExecution last) {
        return SyncKind.RESET.name().equals(last.getJobParameters().getString(KIND)) ? ResetPlans.of(plan) : plan;
    }

    private SyncResult launch(Job job, JobParameters parameters) {
        try {
            JobExecution execution = operator.start(job, parameters);
            return SyncResult.of(execution);
        } catch (Exception e) {
            throw new SyncException("cannot launch sync of '" + job.getName() + "': " + e.getMessage(), e);
        }
    }

    private JobExecution lastExecution(String connection) {
        JobInstance instance = repository.getLastJobInstance(connection);
        return instance == null ? null : repository.getLastJobExecution(instance);
    }

    /**
     * A sync whose JVM died (kill -9, power loss) stays STARTED in the repository forever; mark it
     * FAILED so that it can be restarted. A sync whose process is still alive is left alone.
     */
    private JobExecution recoverDeadExecution(String connection) {
        JobExecution last = lastExecution(connection);
        if (last == null || !last.getStatus().isRunning()) {
            return last;
        }
        if (SyncOwnerListener.isAlive(last)) {
            throw new SyncException("a sync of '" + connection + "' is already running (job " + last.getId()
                    + ", process " + last.getExecutionContext().getString(SyncOwnerListener.OWNER_KEY, "?") + ")");
        }
        log.warn(
                "Sync of {} (job {}) was left {} by a process that no longer runs; marking it failed",
                connection,
                last.getId(),
                last.getStatus());
        return operator.recover(last);
    }
}
