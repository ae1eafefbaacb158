package io.tributary.readers.postgres.cdc;

import io.tributary.postgres.PostgresIdentifiers;
import io.tributary.readers.postgres.shared.SourceAccess.TableColumns;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Start-up of one table's change capture, before any record is read: checks that the table can be
 * captured and is published, then either creates the slot (no saved position: the first sync, or
 * after a reset) with its exported snapshot, or checks that the existing slot can still continue
 * from the saved position. It decides where the capture starts and, when a copy is due, opens the
 * {@link SnapshotPhase}.
 *
 * <p>Never a silent resync: a slot that is gone, invalidated, or was moved past the saved position
 * fails with {@link CdcPositionLostException}; only a start without saved state creates a slot.
 */
final class SlotStartup {

    private static final int RELEASE_SECONDS = 30;

    private final CaptureScope scope;
    private final Connection session;
    private final Map<String, Object> previousSync;

    private CdcPosition position;
    private CdcPosition committed;
    private SnapshotPhase snapshot;

    /**
     * Where the capture starts.
     *
     * @param position where the first record is read from
     * @param committed a position known to be committed in the job repository, so safe to acknowledge;
     *     {@code null} when nothing of this slot is committed yet
     * @param snapshot the copy to read before streaming, or {@code null}
     */
    record Start(CapturedTable captured, CdcPosition position, CdcPosition committed, SnapshotPhase snapshot) {}

    /**
     * @param session the capture's query session; it stays open for the capture (the captured table
     *     reads new column definitions through it)
     * @param previousSync the previous sync's committed state (never {@code null})
     */
    SlotStartup(CaptureScope scope, Connection session, Map<String, Object> previousSync) {
        this.scope = scope;
        this.session = session;
        this.previousSync = previousSync;
    }

    /**
     * Checks the table, the publication and the slot, and finds where to start. A copy this opened is
     * closed again when a later check fails.
     */
    Start start(ExecutionContext context) throws SQLException {
        try {
            TableColumns columns = scope.access
                    .table(session, scope.schema, scope.table)
                    .orElseThrow(() -> new ItemStreamException(scope.where + ": the table does not exist or user '"
                            + scope.access.connection().username()
                            + "' may not read it; re-run discover, or GRANT SELECT ON "
                            + PostgresIdentifiers.qualified(scope.schema, scope.table) + " TO "
                            + PostgresIdentifiers.quote(
                                    scope.access.connection().username())));
            TableIdentity identity = TableIdentity.of(session, scope.schema, scope.table);
            String problem = identity.whyNotCapturable(!columns.primaryKey().isEmpty());
            if (problem != null) {
                throw new ItemStreamException(scope.where + ": " + problem);
            }
            CapturedTable captured = new CapturedTable(identity.oid(), columns, this::reloadColumns);
            for (String warning : scope.publication.ensure(
                    session,
                    scope.schema,
                    scope.table,
                    scope.access.connection().username(),
                    scope.where)) {
                CaptureScope.log.warn("[{}] {}", scope.label, warning);
            }
            Lsn serverNow = serverWal();
            CdcPosition restored = restore(context);
            if (restored == null) {
                startFromScratch(context, serverNow);
            } else {
                resume(restored, context, serverNow);
            }
            return new Start(captured, position, committed, snapshot);
        } catch (SQLException | RuntimeException e) {
            if (snapshot != null) {
                snapshot.close();
            }
            throw e;
        }
    }

    /** Called while streaming, when pgoutput announces a new layout of the table. */
    private TableColumns reloadColumns() {
        try {
            return scope.access.table(session, scope.schema, scope.table).orElse(null);
        } catch (SQLException e) {
            throw new ItemStreamException(
                    scope.where + ": cannot read the table's new definition: " + e.getMessage(), e);
        }
    }

    /** This step's own saved position (a restart), else the previous sync's, else none. */
    private CdcPosition restore(ExecutionContext context) {
        String key = scope.positionKey;
        Object saved = context.containsKey(key) ? context.get(key) : previousSync.get(key);
        if (saved == null) {
            return null;
        }
        CdcPosition restored;
        try {
            restored = CdcPosition.parse(saved.toString());
        } catch (IllegalArgumentException e) {
            throw new ItemStreamException(
                    scope.where + ": the saved position cannot be read (" + e.getMessage()
                            + "); reset the connection to start over with a new snapshot",
                    e);
        }
        if (!restored.slot().equals(scope.slot.name())) {
            throw new CdcPositionLostException(scope.where + ": the saved position belongs to replication slot '"
                    + restored.slot() + "' but the connection now uses '" + scope.slot.name() + "' (replication_slot "
                    + "changed). A new slot cannot continue where the old one was; set replication_slot back, or reset the "
                    + "connection to take a new snapshot with the new slot");
        }
        return restored;
    }

    /**
     * No saved position: replaces a leftover slot by a new one. The new slot exports a snapshot at its
     * consistent point S; the copy reads in that very snapshot and streaming starts at S, so every
     * transaction is either in the copy (committed before S) or streamed (committed after), never
     * both, never neither.
     */
    private void startFromScratch(ExecutionContext context, Lsn serverNow) throws SQLException {
        ReplicationSlot slot = scope.slot;
        ReplicationSlot.State old = slot.state(session).orElse(null);
        if (old != null) {
            old = awaitRelease(old);
        }
        if (old != null) {
            if (old.active()) {
                throw new ItemStreamException(scope.where + ": replication slot '" + slot.name()
                        + "' is in use by server "
                        + "process " + old.activePid() + "; is another sync of this connection running, or another "
                        + "connection using the same replication_slot?");
            }
            CaptureScope.log.warn(
                    "[{}] no saved CDC position (first sync, or the connection was reset): replacing "
                            + "replication slot {} (confirmed up to {}) by a new one for the initial load",
                    scope.label,
                    slot.name(),
                    old.confirmedFlush());
            slot.drop(session);
        }
        Connection replication = scope.openReplication();
        try {
            ReplicationSlot.Created created = slot.create(replication);
            ReplicationSlot.State state = slot.state(session)
                    .orElseThrow(() -> new ItemStreamException(scope.where + ": replication slot '" + slot.name()
                            + "' vanished right after it was created"));
            Lsn target = Lsn.max(serverNow, created.consistentPoint());
            String now = Instant.now().toString();
            if (scope.settings.initialSnapshot()) {
                position = new CdcPosition(
                        slot.name(),
                        CdcPosition.SNAPSHOT,
                        created.consistentPoint(),
                        null,
                        0,
                        target,
                        state.restartLsn(),
                        now);
                String snapshotName = created.snapshotName();
                // imported while the replication connection, which exported it, is still open and idle
                snapshot = SnapshotPhase.open(scope, context, c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET TRANSACTION SNAPSHOT '" + snapshotName.replace("'", "''") + "'");
                    }
                });
                CaptureScope.log.info(
                        "[{}] created replication slot {} at {}; copying the table in the slot's exported "
                                + "snapshot, then streaming its changes from there",
                        scope.label,
                        slot.name(),
                        created.consistentPoint());
            } else {
                position = new CdcPosition(
                        slot.name(),
                        CdcPosition.STREAMING,
                        created.consistentPoint(),
                        null,
                        0,
                        target,
                        state.restartLsn(),
                        now);
                CaptureScope.log.info(
                        "[{}] created replication slot {} at {}; streaming the changes from there "
                                + "(initial_snapshot off)",
                        scope.label,
                        slot.name(),
                        created.consistentPoint());
            }
        } finally {
            CaptureScope.closeQuietly(replication);
        }
        committed = null; // nothing of this connection is committed yet; the new slot holds everything from its start
    }

    /**
     * A saved position: the slot must still hold everything after it. If the process died during the
     * copy, the exported snapshot is gone: the copy goes on after its last committed key in a new
     * snapshot taken at WAL position L, and the sync streams from S to at least L, so every change the
     * newer snapshot saw is replayed after it and the table converges.
     */
    private void resume(CdcPosition restored, ExecutionContext context, Lsn serverNow) throws SQLException {
        boolean sameSync = context.containsKey(scope.positionKey);
        ReplicationSlot slot = scope.slot;
        ReplicationSlot.State state = slot.state(session).orElse(null);
        if (state != null) {
            state = awaitRelease(state);
        }
        if (state == null) {
            throw new CdcPositionLostException(
                    scope.where + ": replication slot '" + slot.name() + "' no longer exists "
                            + "(dropped, or removed by the server), so the changes after the saved position "
                            + restored.resume()
                            + " cannot be read. Reset the connection to take a new snapshot; change capture never re-snapshots on "
                            + "its own");
        }
        verify(state, restored);
        committed = restored;
        position = sameSync && restored.target() != null
                ? restored
                : restored.withTarget(Lsn.max(serverNow, restored.resume()));
        if (position.inSnapshot()) {
            ExecutionContext snapshotContext =
                    sameSync ? context : SnapshotPhase.fullRefreshState(scope.table, previousSync);
            Lsn[] snapshotLsn = new Lsn[1];
            snapshot = SnapshotPhase.open(scope, snapshotContext, c -> snapshotLsn[0] = insertLsn(c));
            position = position.withTarget(Lsn.max(position.target(), snapshotLsn[0]));
            CaptureScope.log.info(
                    "[{}] resuming the initial copy after its last committed row in a new snapshot (at {}); "
                            + "the changes since the slot's consistent point {} are streamed afterwards up to there, so the copy "
                            + "converges",
                    scope.label,
                    snapshotLsn[0],
                    restored.resume());
        }
        scope.report(state, "at start");
        long max = scope.settings.maxRetainedWalBytes();
        if (max > 0 && state.retainedBytes() > max) {
            throw new ItemStreamException(scope.where + ": replication slot '" + slot.name() + "' retains "
                    + ReplicationSlot.size(state.retainedBytes()) + " of WAL, more than max_retained_wal_mb ("
                    + ReplicationSlot.size(max) + "), and the server's disk fills up with it. Either raise "
                    + "max_retained_wal_mb and sync more often so that the connection catches up, or drop the slot (SELECT "
                    + "pg_drop_replication_slot('" + slot.name()
                    + "')) and reset the connection to take a new snapshot");
        }
    }

    /**
     * A process that died (kill -9, a lost network) may hold the slot a little longer, until the server
     * notices: wait for that, at most {@value #RELEASE_SECONDS} s, before calling the slot in use.
     *
     * @return the slot's state then, {@code null} when it was dropped meanwhile
     */
    private ReplicationSlot.State awaitRelease(ReplicationSlot.State state) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RELEASE_SECONDS);
        ReplicationSlot.State current = state;
        while (current.active() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Optional<ReplicationSlot.State> now = scope.slot.state(session);
            if (now.isEmpty()) {
                return null;
            }
            current = now.get();
        }
        return current;
    }

    /** The slot must be this connection's, usable, free, and not past the saved position. */
    private void verify(ReplicationSlot.State state, CdcPosition restored) {
        String slot = scope.slot.name();
        String where = scope.where;
        if (state.lost()) {
            throw new CdcPositionLostException(where + ": replication slot '" + slot + "' was invalidated: the server "
                    + "removed WAL the slot still needed (its retained WAL exceeded max_slot_wal_keep_size), so the changes "
                    + "after the saved position " + restored.resume() + " are gone. Reset the connection to take a new "
                    + "snapshot; change capture never re-snapshots on its own");
        }
        if (!scope.access.connection().database().equals(state.database())) {
            throw new ItemStreamException(where + ": replication slot '" + slot + "' belongs to database '"
                    + state.database() + "'; give this connection its own replication_slot");
        }
        if (!"pgoutput".equals(state.plugin())) {
            throw new ItemStreamException(where + ": replication slot '" + slot + "' uses the output plugin '"
                    + state.plugin() + "', not pgoutput; give this connection its own replication_slot");
        }
        if (state.active()) {
            throw new ItemStreamException(where + ": replication slot '" + slot + "' is in use by server process "
                    + state.activePid()
                    + "; is another sync of this connection running, or another connection using the "
                    + "same replication_slot?");
        }
        if (state.confirmedFlush() != null && state.confirmedFlush().isAfter(restored.resume())) {
            throw new CdcPositionLostException(where + ": replication slot '" + slot + "' has confirmed WAL up to "
                    + state.confirmedFlush() + ", past this connection's saved position " + restored.resume() + ": the "
                    + "changes in between were consumed elsewhere (another client read the slot, or it was advanced) and "
                    + "cannot be read again. Reset the connection to take a new snapshot; change capture never "
                    + "re-snapshots on its own");
        }
    }

    private Lsn serverWal() throws SQLException {
        try (Statement s = session.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        }
    }

    /** Where WAL insertion stands now: past the commit of every transaction a snapshot taken just before can see. */
    private static Lsn insertLsn(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        }
    }
}
