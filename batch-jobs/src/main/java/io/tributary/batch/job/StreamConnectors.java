package io.tributary.batch.job;

import java.util.Map;

import io.tributary.batch.plan.ConnectionPlan;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.source.ReadAheadSafe;
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
    private ItemStreamReader<SourceRecord> reader;
    private MeteredReader metered;
    private StreamLoader loader;

    StreamConnectors(ConnectionPlan plan, ConfiguredStream stream, StreamTables tables, PreviousSyncState previousSyncState) {
        this.plan = plan;
        this.stream = stream;
        this.tables = tables;
        this.previousSyncState = previousSyncState;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long syncId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        Map<String, Object> previous = previousSyncState.find(plan.name(), syncId, stepExecution.getStepName());
        ItemStreamReader<SourceRecord> source = plan.source().reader(plan.sourceConfig(), stream, previous);
        metered = new MeteredReader(source);
        reader = source instanceof ReadAheadSafe
                ? new ReadAheadReader<>(metered, plan.chunkSize(), "tributary-read-" + stream.stream().qualifiedName())
                : metered;
        loader = plan.destination().loader(plan.destinationConfig(), stream, tables, new LoadContext(plan.name(), syncId));
    }

    /** Bytes of the records read so far (see {@link MeteredReader}), 0 before the step starts. */
    long bytes() {
        return metered == null ? 0 : metered.bytes();
    }

    /**
     * The step's reader: the source's reader, metered ({@link MeteredReader}), and read ahead on a
     * thread of its own when the source's reader is {@link ReadAheadSafe} (see {@link ReadAheadReader}).
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
