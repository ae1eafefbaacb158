package io.tributary.batch.job;

import io.tributary.batch.plan.ConnectionPlan;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.StreamTables;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The step after a stream's load: reopens the loader from the load step's committed state and calls
 * {@link StreamLoader#complete()} (the swap of an overwrite, for example). It is its own step because
 * Spring Batch records a step as completed before its listeners run: a crash during the swap must
 * leave a step to restart, and this is it.
 */
final class CompleteStreamTasklet implements Tasklet {

    private final ConnectionPlan plan;
    private final ConfiguredStream stream;
    private final StreamTables tables;
    private final JobRepository repository;

    CompleteStreamTasklet(ConnectionPlan plan, ConfiguredStream stream, StreamTables tables, JobRepository repository) {
        this.plan = plan;
        this.stream = stream;
        this.tables = tables;
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution current = chunkContext.getStepContext().getStepExecution();
        JobInstance instance = current.getJobExecution().getJobInstance();
        StepExecution load = repository.getLastStepExecution(instance, StepNames.load(stream));
        ExecutionContext state =
                load == null ? new ExecutionContext() : new ExecutionContext(load.getExecutionContext());
        StreamLoader loader = plan.destination()
                .loader(
                        plan.destinationConfig(),
                        stream,
                        tables,
                        new LoadContext(plan.name(), instance.getInstanceId()));
        loader.open(state);
        try {
            loader.complete();
        } finally {
            loader.close();
        }
        return RepeatStatus.FINISHED;
    }
}
