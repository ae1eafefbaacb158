package io.tributary.batch.job;

import io.tributary.batch.plan.ConnectionPlan;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.source.ReadAheadSafe;
import io.tributary.normalization.StreamNormalizer;
import java.util.Map;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * The reader and loader of one stream's load step, created when the step starts: only then are the
 * sync's identity (the job instance, stable across restarts) and the previous sync's state known.
 */
final class StreamConnectors implements StepExecutionListener {

    private final ConnectionPlan plan;
    private final ConfiguredStream stream;
    private final StreamTables tables;
    private final PreviousSyncState previousSyncState;
    private final StreamNormalizer normalizer;
    private ItemStreamReader<SourceRecord> reader;
    private ReadStage stage;
    private StreamLoader loader;

    StreamConnectors(
            ConnectionPlan plan,
            ConfiguredStream stream,
            StreamNormalizer normalizer,
            PreviousSyncState previousSyncState) {
        this.plan = plan;
        this.stream = stream;
        this.normalizer = normalizer;
        this.tables = normalizer.tables();
        this.previousSyncState = previousSyncState;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long syncId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        Map<String, Object> previous = previousSyncState.find(plan.name(), syncId, stepExecution.getStepName());
        ItemStreamReader<SourceRecord> source = plan.source().reader(plan.sourceConfig(), stream, previous);
        stage = new ReadStage(source);
        reader = source instanceof ReadAheadSafe
                ? new ReadAheadReader<>(
                        stage,
                        plan.chunkSize(),
                        "tributary-read-" + stream.stream().qualifiedName())
                : stage;
        loader = plan.destination()
                .loader(plan.destinationConfig(), stream, tables, new LoadContext(plan.name(), syncId));
    }

    /** Bytes of the records read so far (see {@link ReadStage}), 0 before the step starts. */
    long bytes() {
        return stage == null ? 0 : stage.bytes();
    }

    /**
     * The step's reader: the source's reader with the engine's {@link ReadStage}; when the source's
     * reader is {@link ReadAheadSafe}, read ahead on a thread of its own ({@link ReadAheadReader}) so
     * that the source fetches the next records while the step normalizes and loads the current chunk.
     */
    ItemStreamReader<SourceRecord> reader() {
        return new ItemStreamReader<>() {
            @Override
            public SourceRecord read() throws Exception {
                return reader.read();
            }

            @Override
            public void open(ExecutionContext context) {
                reader.open(context);
            }

            @Override
            public void update(ExecutionContext context) {
                reader.update(context);
            }

            @Override
            public void close() {
                if (reader != null) {
                    reader.close();
                }
            }
        };
    }

    ItemStreamWriter<NormalizedRecord> writer() {
        return new ItemStreamWriter<>() {
            @Override
            public void write(Chunk<? extends NormalizedRecord> chunk) throws Exception {
                loader.write(chunk);
            }

            @Override
            public void open(ExecutionContext context) {
                loader.open(context);
            }

            @Override
            public void update(ExecutionContext context) {
                loader.update(context);
            }

            @Override
            public void close() {
                if (loader != null) {
                    loader.close();
                }
            }
        };
    }
}
