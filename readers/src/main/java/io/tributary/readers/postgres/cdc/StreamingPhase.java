package io.tributary.readers.postgres.cdc;

import io.tributary.connector.record.SourceRecord;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streaming phase: the table's changes from its slot as pgoutput sends them, each a record
 * with {@code _ab_cdc_lsn}, {@code _ab_cdc_updated_at} and, for deletes and truncates,
 * {@code _ab_cdc_deleted_at}, and the position after each record. It acknowledges to the server
 * only what {@link PostgresCdcReader} says is committed.
 *
 * <p>It ends at the first transaction boundary at or after the position's target (or, with
 * {@code streaming_seconds}, after that time). Keepalives tell how far the server has decoded, so a
 * quiet table ends promptly and its slot still advances with the rest of the WAL.
 */
final class StreamingPhase implements AutoCloseable {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A sync whose server sends nothing at all for this long, outside a transaction, ends (its position is safe). */
    private static final long STALL_NANOS = TimeUnit.MINUTES.toNanos(10);

    private static final long IDLE_SLEEP_MILLIS = 10;
    private static final int SETTLE_SECONDS = 30;

    private final CaptureScope scope;
    private final Connection session;
    private final CapturedTable captured;
    private final ChangeStream changes;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private boolean done;

    /** After the last record handed out. */
    private CdcPosition position;

    private boolean inTransaction;
    private Lsn txCommit;
    private String txCommitTime;
    private long txEmitted;
    private long txSkip;

    private final long streamingSince;
    private long lastHeartbeat;
    private long lastProgress;
    private Lsn lastReceived;
    private long changeRecords;

    /** A record waiting to be handed out, and the position once it is. */
    private record Pending(SourceRecord record, CdcPosition after) {}

    private StreamingPhase(
            CaptureScope scope,
            Connection session,
            CapturedTable captured,
            ChangeStream changes,
            CdcPosition position) {
        this.scope = scope;
        this.session = session;
        this.captured = captured;
        this.changes = changes;
        this.position = position;
        this.streamingSince = System.nanoTime();
        this.lastHeartbeat = streamingSince;
        this.lastProgress = streamingSince;
        this.lastReceived = changes.lastReceived();
    }

    /**
     * Starts streaming the slot at {@code position} on a new replication connection.
     *
     * @param committed a position committed in the job repository, acknowledged right away; or {@code null}
     * @throws CdcPositionLostException when the slot is gone or can no longer send the changes
     */
    static StreamingPhase start(
            CaptureScope scope, Connection session, CapturedTable captured, CdcPosition position, CdcPosition committed)
            throws SQLException {
        Connection replication = scope.openReplication();
        ChangeStream changes;
        try {
            changes = ChangeStream.start(
                    replication, scope.slot.name(), scope.publication, position.resume(), scope.settings.heartbeat());
        } catch (SQLException e) {
            CaptureScope.closeQuietly(replication);
            if ("42704".equals(e.getSQLState())) {
                throw new CdcPositionLostException(
                        scope.where + ": replication slot '" + scope.slot.name() + "' no longer "
                                + "exists: " + e.getMessage()
                                + ". Reset the connection to take a new snapshot; change capture never "
                                + "re-snapshots on its own");
            }
            if ("55000".equals(e.getSQLState())
                    && String.valueOf(e.getMessage()).contains("can no longer get changes")) {
                throw new CdcPositionLostException(
                        scope.where + ": " + e.getMessage() + ". Reset the connection to take a "
                                + "new snapshot; change capture never re-snapshots on its own");
            }
            throw e;
        }
        if (committed != null) {
            try {
                changes.acknowledge(committed.resume());
            } catch (SQLException | RuntimeException e) {
                changes.close();
                throw e;
            }
        }
        StreamingPhase phase = new StreamingPhase(scope, session, captured, changes, position);
        CaptureScope.log.info(
                "[{}] streaming changes of slot {} from {} {}",
                scope.label,
                scope.slot.name(),
                position.resume(),
                scope.settings.streamingTime().isZero()
                        ? "up to " + position.target() + " (the server's WAL position at the start)"
                        : "for " + scope.settings.streamingTime().toSeconds() + " s");
        return phase;
    }

    /** After the last record handed out. */
    CdcPosition position() {
        return position;
    }

    /** The next change record, or {@code null} once the sync's end is reached. */
    SourceRecord read() throws SQLException {
        if (!pending.isEmpty()) {
            return handOut();
        }
        if (done) {
            return null;
        }
        return stream();
    }

    /** Reads messages until one yields a record, or the sync's end is reached. */
    private SourceRecord stream() throws SQLException {
        while (true) {
            ByteBuffer message = changes.readPending();
            if (message == null) {
                if (!inTransaction) {
                    // between transactions the server has sent every transaction that committed before this position;
                    // not while a transaction delivered in part before a restart is still to come again
                    Lsn received = changes.lastReceived();
                    if (received.isAfter(position.resume()) && position.txCommit() == null) {
                        position = position.committed(received);
                    }
                    if (finished()) {
                        return end("reached " + position.resume());
                    }
                }
                idle();
                if (!inTransaction && System.nanoTime() - lastProgress > STALL_NANOS) {
                    CaptureScope.log.warn(
                            "[{}] the server sent nothing for {} minutes; ending this sync at {} (the next one "
                                    + "continues there)",
                            scope.label,
                            TimeUnit.NANOSECONDS.toMinutes(STALL_NANOS),
                            position.resume());
                    return end("stalled");
                }
                continue;
            }
            Lsn lsn = changes.lastReceived();
            progress(lsn);
            PgOutputMessage decoded = PgOutputDecoder.decode(message);
            if (decoded instanceof PgOutputMessage.Begin begin) {
                begin(begin);
            } else if (decoded instanceof PgOutputMessage.Commit commit) {
                inTransaction = false;
                position = position.committed(commit.endLsn());
                if (finished()) {
                    return end("reached " + position.resume());
                }
            } else if (decoded instanceof PgOutputMessage.Relation relation) {
                if (captured.is(relation.oid())) {
                    String change = captured.onRelation(relation);
                    if (change != null) {
                        CaptureScope.log.info("[{}] {}", scope.label, change);
                    }
                }
            } else if (decoded instanceof PgOutputMessage.Insert insert) {
                if (captured.is(insert.oid())) {
                    emit(captured.row(insert.newTuple()), lsn, false);
                }
            } else if (decoded instanceof PgOutputMessage.Update update) {
                if (captured.is(update.oid())) {
                    if (captured.keyChanged(update.oldTuple(), update.newTuple())) {
                        emit(captured.oldKey(update.oldTuple()), lsn, true);
                    }
                    emit(captured.row(update.newTuple(), update.oldKind(), update.oldTuple()), lsn, false);
                }
            } else if (decoded instanceof PgOutputMessage.Delete delete) {
                if (captured.is(delete.oid())) {
                    emit(captured.oldRow(delete.oldKind(), delete.oldTuple()), lsn, true);
                }
            } else if (decoded instanceof PgOutputMessage.Truncate truncate) {
                if (truncate.oids().contains(captured.oid())) {
                    emit(NODES.objectNode(), lsn, true);
                }
            }
            // types, origins and logical messages carry no row
            if (!pending.isEmpty()) {
                return handOut();
            }
        }
    }

    private void begin(PgOutputMessage.Begin begin) {
        if (position.txCommit() != null && begin.finalLsn().isAfter(position.txCommit())) {
            throw new ItemStreamException(
                    scope.where + ": the transaction committing at " + position.txCommit() + ", of "
                            + "which " + position.txEmitted()
                            + " changes were delivered before the restart, was not sent again (the "
                            + "next one commits at " + begin.finalLsn()
                            + "); the slot no longer matches the saved position. Reset "
                            + "the connection");
        }
        inTransaction = true;
        txCommit = begin.finalLsn();
        txCommitTime = instant(begin.commitMicros());
        txEmitted = 0;
        txSkip = begin.finalLsn().equals(position.txCommit()) ? position.txEmitted() : 0;
    }

    /**
     * Queues one change record, unless a previous run of this sync already delivered it: after a
     * restart inside a transaction, the first {@code txSkip} records of that transaction were.
     */
    private void emit(ObjectNode data, Lsn lsn, boolean deleted) {
        txEmitted++;
        if (txEmitted <= txSkip) {
            return;
        }
        data.put(CdcCatalog.LSN, lsn.value());
        data.put(CdcCatalog.UPDATED_AT, txCommitTime);
        if (deleted) {
            data.put(CdcCatalog.DELETED_AT, txCommitTime);
        } else {
            data.putNull(CdcCatalog.DELETED_AT);
        }
        pending.add(
                new Pending(new SourceRecord(data, System.currentTimeMillis()), position.within(txCommit, txEmitted)));
    }

    private SourceRecord handOut() {
        Pending next = pending.poll();
        position = next.after();
        changeRecords++;
        return next.record();
    }

    private boolean finished() {
        if (scope.settings.streamingTime().isZero()) {
            return !position.resume().isBefore(position.target());
        }
        return System.nanoTime() - streamingSince
                >= scope.settings.streamingTime().toNanos();
    }

    private SourceRecord end(String why) throws SQLException {
        done = true;
        awaitDecodingPastAcknowledged();
        Optional<ReplicationSlot.State> state = scope.slot.state(session);
        CaptureScope.log.info(
                "[{}] change capture done ({}): {} change records; saved position {}",
                scope.label,
                why,
                changeRecords,
                position.resume());
        if (state.isPresent()) {
            scope.report(state.get(), "at the end");
        }
        return null;
    }

    /**
     * The server frees WAL (moves the slot's restart LSN) only while it decodes, at the points it
     * passes that are already acknowledged. A sync with nothing new ends before the server decoded
     * anything, so it waits (at most {@value #SETTLE_SECONDS} s) until the server has decoded up to
     * what this run acknowledged; the messages that arrive meanwhile are beyond this sync's end and
     * are read again by the next one.
     */
    private void awaitDecodingPastAcknowledged() throws SQLException {
        Lsn acknowledged = changes.acknowledged();
        if (acknowledged.equals(Lsn.NONE)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        try (PreparedStatement ps = session.prepareStatement("SELECT r.sent_lsn::text FROM pg_stat_replication r "
                + "JOIN pg_replication_slots s ON s.active_pid = r.pid WHERE s.slot_name = ?")) {
            ps.setString(1, scope.slot.name());
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()
                            || rs.getString(1) == null
                            || !Lsn.parse(rs.getString(1)).isBefore(acknowledged)) {
                        return;
                    }
                }
                while (changes.readPending() != null) {
                    // beyond this sync's end: not emitted, not acknowledged
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void progress(Lsn lsn) {
        lastProgress = System.nanoTime();
        lastReceived = lsn;
    }

    /** Waits a little for the server, and every heartbeat reports the slot's WAL retention. */
    private void idle() throws SQLException {
        Lsn received = changes.lastReceived();
        if (!received.equals(lastReceived)) {
            progress(received);
        }
        long now = System.nanoTime();
        if (now - lastHeartbeat >= scope.settings.heartbeat().toNanos()) {
            lastHeartbeat = now;
            Optional<ReplicationSlot.State> state = scope.slot.state(session);
            if (state.isPresent()) {
                scope.report(
                        state.get(),
                        "streaming, at " + position.resume() + (inTransaction ? " (inside a transaction)" : ""));
            }
        }
        try {
            Thread.sleep(IDLE_SLEEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException(scope.where + ": interrupted while waiting for changes", e);
        }
    }

    /**
     * Lets the server forget every transaction that committed before {@code committed}'s position
     * (and tells it this client is alive).
     */
    void acknowledge(CdcPosition committed) {
        try {
            changes.acknowledge(committed.resume());
        } catch (SQLException e) {
            throw new ItemStreamException(
                    scope.where + ": cannot acknowledge " + committed.resume() + " to the server: " + e.getMessage(),
                    e);
        }
    }

    /** Ends the stream and its connection; the server keeps the slot and everything not acknowledged. */
    @Override
    public void close() {
        changes.close();
    }

    private static String instant(long postgresMicros) {
        long micros = postgresMicros + PgOutputMessage.POSTGRES_EPOCH_MICROS;
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
                .toString();
    }
}
