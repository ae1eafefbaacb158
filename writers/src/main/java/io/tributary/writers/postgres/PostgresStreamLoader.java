package io.tributary.writers.postgres;

import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Loads one stream into PostgreSQL. Each chunk is copied into the stream's staging tables (raw and
 * normalized; raw only with normalization mode raw) and committed there together with the chunk's number in the load state; nothing
 * reaches the final tables before {@link #complete()}, which merges the staged rows in one
 * transaction according to the sync mode ({@link StagedDataMerge}).
 *
 * <h2>Why a crash cannot duplicate or lose a chunk</h2>
 * The destination commits chunk n before the job repository commits the step's context, so after a
 * crash the destination may hold one chunk the repository does not know about. {@link #update}
 * saves the number of the last chunk written in the context; on restart {@link #open} receives the
 * last committed context and deletes staged rows of every later chunk, then numbering continues
 * from there: the reader re-reads exactly those records and they are staged again. A completed
 * load is marked in the load state in the same transaction as the merge, so running
 * {@link #complete()} again after a crash does nothing. A newer sync that finds the staged data of
 * a sync that was never restarted settles it first ({@link StagedDataMerge#settleAbandoned}).
 */
final class PostgresStreamLoader implements StreamLoader {

    private final PostgresDestinationConfig config;
    private final LoadPlan plan;
    private final ChunkCopier copier;
    private final LoadState state;
    private final LoadContext context;
    private final String contextKey;
    private final String where;

    private Connection connection;
    private long chunks;
    private boolean completed;

    PostgresStreamLoader(
            PostgresDestinationConfig config,
            String streamName,
            LoadPlan plan,
            StreamTables tables,
            LoadContext context) {
        this.config = config;
        this.plan = plan;
        this.copier = new ChunkCopier(plan, tables);
        this.state = new LoadState(plan.schema());
        this.context = context;
        this.contextKey = streamName + ".postgres_destination.chunks";
        this.where = "PostgreSQL destination " + config.connection().address() + ", " + plan.schema() + "."
                + plan.streamTable();
    }

    @Override
    public void open(ExecutionContext executionContext) {
        long committed = executionContext.containsKey(contextKey) ? executionContext.getLong(contextKey) : 0;
        try {
            connection = PostgresDestination.connect(config);
            prepare(committed);
            connection.commit();
            chunks = committed;
        } catch (SQLException e) {
            rollbackQuietly();
            close();
            throw failure(
                    where + ": cannot prepare the load: " + PostgresDestination.explain(e, config, plan.schema()), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            close();
            throw e;
        }
    }

    private void prepare(long committed) throws SQLException {
        PostgresDestination.ensureSchema(connection, plan.schema());
        state.ensure(connection, plan.schema());
        String streamTable = plan.streamTable();
        Optional<LoadState.Row> row = state.lock(connection, streamTable);
        StagedDataMerge merge = new StagedDataMerge(connection, plan.schema());
        if (row.isPresent() && row.get().syncId() == context.syncId()) {
            if (row.get().status() == LoadState.Status.COMPLETED) {
                completed = true;
                return;
            }
            if (!merge.exists(plan.raw().staging())) {
                throw new ItemStreamException(where + ": the staged data of this sync (" + context.syncId()
                        + ") is gone, so the sync cannot resume; start a new sync");
            }
            copier.deleteChunksAfter(connection, committed);
            state.chunkWritten(connection, streamTable, committed);
            return;
        }
        if (committed > 0) {
            throw new ItemStreamException(where + ": this sync (" + context.syncId() + ") already loaded " + committed
                    + " chunk(s) but its staged data is gone (a newer sync of the stream took over, or the staging tables "
                    + "were dropped), so it cannot resume; start a new sync");
        }
        if (row.isPresent() && row.get().status() == LoadState.Status.LOADING) {
            merge.settleAbandoned(row.get().plan());
        }
        copier.createStagingTables(connection);
        state.begin(connection, streamTable, context.connection(), context.syncId(), plan);
    }

    @Override
    public void write(Chunk<? extends NormalizedRecord> chunk) throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        if (completed) {
            throw new ItemStreamException(where + ": sync " + context.syncId() + " already completed this stream; "
                    + "it takes no more records");
        }
        long number = chunks + 1;
        try {
            copier.copy(connection, number, chunk.getItems());
            state.chunkWritten(connection, plan.streamTable(), number);
            connection.commit();
            chunks = number;
        } catch (SQLException e) {
            rollbackQuietly();
            throw failure(where + ": loading chunk " + number + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putLong(contextKey, chunks);
    }

    @Override
    public void complete() {
        if (completed) {
            return;
        }
        boolean opened = connection == null;
        try {
            if (opened) {
                connection = PostgresDestination.connect(config);
            }
            Optional<LoadState.Row> row = state.lock(connection, plan.streamTable());
            if (row.isEmpty() || row.get().syncId() != context.syncId()) {
                throw new ItemStreamException(where + ": sync " + context.syncId() + " has no staged data to complete");
            }
            if (row.get().status() == LoadState.Status.LOADING) {
                new StagedDataMerge(connection, plan.schema())
                        .complete(row.get().plan());
                state.completed(connection, plan.streamTable());
            }
            connection.commit();
            completed = true;
        } catch (SQLException e) {
            rollbackQuietly();
            throw failure(where + ": completing the sync failed: " + e.getMessage(), e);
        } finally {
            if (opened) {
                close();
            }
        }
    }

    /**
     * A failure whose message is the one to show: the driver's error is attached as suppressed, not as
     * the cause, because sync results report an error's root cause.
     */
    private static ItemStreamException failure(String message, SQLException e) {
        ItemStreamException failure = new ItemStreamException(message);
        failure.addSuppressed(e);
        return failure;
    }

    private void rollbackQuietly() {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; closing it rolls back
            }
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing uncommitted is worth keeping
            }
            connection = null;
        }
    }
}
