package io.tributary.batch.job;

import io.tributary.batch.plan.ConnectionPlan;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.normalization.Normalization;
import io.tributary.normalization.StreamNormalizer;
import java.time.Duration;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the Spring Batch {@link Job} of a connection: for each stream a chunk-oriented load step
 * (source reader, normalization processor, destination loader; one commit per chunk, the reader's
 * and loader's positions saved with it) followed by a step that makes the stream's load final.
 * Normalization happens in one place, the step's processor (the stream's {@link StreamNormalizer}),
 * which the step runs on {@link NormalizationThreads} for the records of a chunk;
 * where the source allows it, reading runs ahead on a thread of its own while the step normalizes and
 * loads the previous chunk ({@link StreamConnectors#reader()}).
 *
 * <p>The job is named after the connection, so a failed sync is restarted by launching the job
 * again with the failed instance's parameters: Spring Batch then skips completed steps and resumes
 * the failed one from its last committed chunk.
 */
public final class ConnectionJobFactory {

    private final JobRepository repository;
    private final PlatformTransactionManager transactionManager;
    private final Duration progressInterval;

    public ConnectionJobFactory(
            JobRepository repository, PlatformTransactionManager transactionManager, Duration progressInterval) {
        this.repository = repository;
        this.transactionManager = transactionManager;
        this.progressInterval = progressInterval;
    }

    public ConnectionJobFactory(JobRepository repository, PlatformTransactionManager transactionManager) {
        this(repository, transactionManager, Duration.ofSeconds(5));
    }

    public Job create(ConnectionPlan plan) {
        return create(plan, List.of());
    }

    /** The connection's job with further listeners (the service's, say) called after the owner is recorded. */
    public Job create(ConnectionPlan plan, List<? extends JobExecutionListener> listeners) {
        PreviousSyncState previous = new PreviousSyncState(repository);
        SimpleJobBuilder job = null;
        for (ConfiguredStream stream : plan.streams()) {
            StreamNormalizer normalizer = Normalization.forStream(stream, plan.normalization());
            StreamConnectors connectors = new StreamConnectors(plan, stream, normalizer, previous);
            SyncProgressListener progress =
                    new SyncProgressListener(stream.stream().qualifiedName(), connectors::bytes, progressInterval);
            ChunkOrientedStepBuilder<SourceRecord, NormalizedRecord> load = new StepBuilder(
                            StepNames.load(stream), repository)
                    .<SourceRecord, NormalizedRecord>chunk(plan.chunkSize())
                    .transactionManager(transactionManager)
                    .reader(connectors.reader())
                    .processor(normalizer)
                    .writer(connectors.writer())
                    .listener(connectors)
                    .listener(progress);
            if (!normalizer.tables().isRawOnly()) {
                // Flattening costs microseconds per record: the chunk's records are normalized on every core.
                load = load.taskExecutor(NormalizationThreads.executor());
            }
            Step complete = new StepBuilder(StepNames.complete(stream), repository)
                    .tasklet(
                            new CompleteStreamTasklet(plan, stream, normalizer.tables(), repository),
                            transactionManager)
                    .build();
            job = job == null ? new JobBuilder(plan.name(), repository).start(load.build()) : job.next(load.build());
            job = job.next(complete);
        }
        if (job == null) {
            throw new IllegalArgumentException("Connection " + plan.name() + " has no stream to sync");
        }
        job = job.listener(new SyncOwnerListener(repository));
        for (JobExecutionListener listener : listeners) {
            job = job.listener(listener);
        }
        return job.build();
    }
}
