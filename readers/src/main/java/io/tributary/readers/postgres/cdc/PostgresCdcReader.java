package io.tributary.readers.postgres.cdc;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import io.tributary.readers.postgres.shared.CdcSettings;
import io.tributary.readers.postgres.shared.SourceAccess;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Change data capture of one PostgreSQL table: an initial snapshot, then the table's changes from
 * its own logical replication slot (pgoutput over pgjdbc's replication API), each as a record with
 * {@code _ab_cdc_lsn}, {@code _ab_cdc_updated_at} and, for deletes and truncates, {@code _ab_cdc_deleted_at}.
 *
 * <p>This class is the coordinator, the step's ItemStreamReader: {@link SlotStartup} checks the table
 * and the slot and finds where to start, {@link SnapshotPhase} reads the initial copy,
 * {@link StreamingPhase} the changes; this class hands over between them and keeps the positions
 * that are saved with each chunk and acknowledged to the server.
 *
 * <h2>Hand-over from snapshot to stream</h2>
 * The first sync creates the slot, which exports a snapshot at the slot's consistent point S; the
 * table is read in that very snapshot, then streaming starts at S: every transaction is either in
 * the snapshot (committed before S) or streamed (committed after), never both, never neither.
 * If the process dies during the copy, the exported snapshot is gone: the copy goes on after its
 * last committed key in a new snapshot taken at WAL position L, and the sync streams from S to at
 * least L, so every change the newer snapshot saw is replayed after it and the table converges (rows
 * copied after the restart may then also appear as changes).
 *
 * <h2>Positions, and why acknowledging is safe</h2>
 * The position ({@link CdcPosition}) is saved in the ExecutionContext with every chunk: the LSN
 * before which every committed transaction has been emitted, plus, when a chunk ends inside a
 * transaction, how many of that transaction's records were emitted (a restart streams from the
 * LSN, gets that transaction again, decoded the same way, and skips that many records).
 * The slot is acknowledged (its confirmed flush LSN) only with positions known to be committed in
 * the job repository, which by the loader contract means committed in the destination too:
 * <ul>
 * <li>in {@link #open}: the position restored from this step's context (a restart) or from the
 *     previous sync, both read from the repository;
 * <li>in {@link #update}: the position the <em>previous</em> {@code update} saved. Spring Batch calls
 *     {@code update} at the end of each chunk, inside the chunk's transaction; a chunk only runs after
 *     the previous chunk's transaction committed (a failed commit ends the step), so the previous
 *     save is committed by then.
 * </ul>
 * The last chunk's position is therefore acknowledged by the next sync. The server never forgets a
 * change that a restart might need, and a restart never starts after a change it did not deliver.
 *
 * <h2>Where a sync ends</h2>
 * At the first transaction boundary at or after the WAL position current when it started (or,
 * with {@code streaming_seconds}, after that time). Keepalives tell how far the server has decoded,
 * so a quiet table ends promptly and its slot still advances with the rest of the WAL.
 *
 * <h2>Never a silent resync</h2>
 * A slot that is gone, invalidated, or was moved past the saved position fails the sync with
 * {@link CdcPositionLostException}; only a connection without saved state (the first sync, or after a
 * reset) creates a slot and copies the table.
 */
public final class PostgresCdcReader implements ItemStreamReader<SourceRecord> {

    private final CaptureScope scope;
    private final Map<String, Object> previousSync;

    private Connection session;
    private CapturedTable captured;
    private SnapshotPhase snapshot;
    private StreamingPhase streaming;

    /** After the last record handed out, until streaming starts; then the streaming phase keeps it. */
    private CdcPosition position;
    /** Known to be committed in the job repository (and so in the destination): safe to acknowledge. */
    private CdcPosition committed;
    /** What the last {@link #update} saved: committed once the next chunk's {@code update} runs. */
    private CdcPosition lastSaved;

    public PostgresCdcReader(
            SourceAccess access, CdcSettings settings, ConfiguredStream stream, Map<String, Object> previousSync) {
        this.scope = new CaptureScope(access, settings, stream);
        this.previousSync = previousSync == null ? Map.of() : previousSync;
    }

    /** The key under which the position is saved in the ExecutionContext. */
    public static String positionKey(String streamName) {
        return CdcPosition.contextKey(streamName);
    }

    /** The key under which the WAL retained by the slot (bytes) is saved in the ExecutionContext, for monitoring. */
    public static String retainedWalKey(String streamName) {
        return streamName + ".cdc.retained_wal_bytes";
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            session = scope.access.openSession();
            SlotStartup.Start start = new SlotStartup(scope, session, previousSync).start(context);
            captured = start.captured();
            position = start.position();
            committed = start.committed();
            snapshot = start.snapshot();
        } catch (SQLException e) {
            close();
            throw new ItemStreamException(scope.where + ": cannot start change capture: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public SourceRecord read() {
        try {
            if (streaming != null) {
                return streaming.read();
            }
            if (snapshot != null) {
                SourceRecord row = snapshot.read(position);
                if (row != null) {
                    return row;
                }
                snapshot.finish();
                long copied = snapshot.records();
                snapshot = null;
                position = position.streamingFrom(position.resume());
                CaptureScope.log.info(
                        "[{}] initial copy done ({} rows in this run); streaming changes from {}",
                        scope.label,
                        copied,
                        position.resume());
            }
            // the hand-over: streaming starts where the copy's snapshot ends (the slot's consistent point)
            streaming = StreamingPhase.start(scope, session, captured, position, committed);
            return streaming.read();
        } catch (SQLException e) {
            throw new ItemStreamException(
                    scope.where + ": reading changes failed at " + position().resume() + ": " + e.getMessage(), e);
        }
    }

    private CdcPosition position() {
        return streaming != null ? streaming.position() : position;
    }

    @Override
    public void update(ExecutionContext context) {
        if (snapshot != null) {
            snapshot.update(context);
        }
        if (lastSaved != null) {
            committed = lastSaved; // this chunk runs, so the chunk that saved it committed
        }
        if (streaming != null && committed != null) {
            streaming.acknowledge(committed);
        }
        CdcPosition current = position();
        if (current != null) {
            context.putString(scope.positionKey, current.asString());
            lastSaved = current;
        }
        if (scope.retainedBytes() >= 0) {
            context.putLong(retainedWalKey(scope.stream.name()), scope.retainedBytes());
        }
    }

    @Override
    public void close() {
        if (snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
        if (streaming != null) {
            streaming.close();
            streaming = null;
        }
        CaptureScope.closeQuietly(session);
        session = null;
    }
}
