package io.tributary.batch.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.job.ConnectionJobFactory;
import io.tributary.batch.job.SyncOwnerListener;
import io.tributary.batch.plan.ConnectionPlan;
import io.tributary.batch.plan.ConnectionPlanner;
import io.tributary.batch.repository.JobRepositorySchema;
import io.tributary.connector.registry.ConnectorRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
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

    private final JobRepository repository;
    private final JobOperator operator;
    private final ConnectionPlanner planner;
    private final ConnectionJobFactory jobFactory;

    public SyncEngine(JobRepository repository, JobOperator operator, PlatformTransactionManager transactionManager,
                      ConnectorRegistry registry, Duration progressInterval) {
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
        ConnectionPlan plan = planner.plan(config, connection);
        recoverDeadExecution(connection);
        Job job = jobFactory.create(plan);
        JobParameters parameters = new JobParametersBuilder()
                .addLong(REQUESTED_AT, System.currentTimeMillis())
                .toJobParameters();
        return launch(job, parameters);
    }

    /**
     * Restarts the last sync of {@code connection} if it failed, was stopped, or its process died:
     * completed streams are skipped and the failed one resumes after its last committed chunk.
     *
     * @throws SyncException when there is nothing to restart (no sync yet, or the last one completed)
     */
    public SyncResult restart(TributaryConfig config, String connection) {
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
        return launch(jobFactory.create(plan), last.getJobParameters());
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
            throw new SyncException("a sync of '" + connection + "' is already running (job " + last.getId() + ", process "
                    + last.getExecutionContext().getString(SyncOwnerListener.OWNER_KEY, "?") + ")");
        }
        log.warn("Sync of {} (job {}) was left {} by a process that no longer runs; marking it failed",
                connection, last.getId(), last.getStatus());
        return operator.recover(last);
    }
}
