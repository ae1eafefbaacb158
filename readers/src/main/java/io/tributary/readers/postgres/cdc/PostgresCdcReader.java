package io.tributary.readers.postgres.cdc;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.record.SourceRecord;
import io.tributary.postgres.PostgresConnectionException;
import io.tributary.postgres.PostgresIdentifiers;
import io.tributary.readers.postgres.shared.CdcSettings;
import io.tributary.readers.postgres.shared.SourceAccess;
import io.tributary.readers.postgres.shared.SourceAccess.TableColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Change data capture of one PostgreSQL table: an initial snapshot, then the table's changes from
 * its own logical replication slot (pgoutput over pgjdbc's replication API), each as a record with
 * {@code _ab_cdc_lsn}, {@code _ab_cdc_updated_at} and, for deletes and truncates, {@code _ab_cdc_deleted_at}.
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

    private static final Logger log = LoggerFactory.getLogger(PostgresCdcReader.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A sync whose server sends nothing at all for this long, outside a transaction, ends (its position is safe). */
    private static final long STALL_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final long IDLE_SLEEP_MILLIS = 10;
    private static final int SETTLE_SECONDS = 30;
    private static final int RELEASE_SECONDS = 30;

    private final SourceAccess access;
    private final CdcSettings settings;
    private final ConfiguredStream stream;
    private final Map<String, Object> previousSync;
    private final String schema;
    private final String table;
    private final String where;
    /** The stream's qualified name, as the engine's log lines name it. */
    private final String label;
    private final String contextKey;
    private final ReplicationSlot slot;
    private final Publication publication;

    private Connection session;
    private CapturedTable captured;
    private ItemStreamReader<SourceRecord> snapshot;
    private long snapshotRecords;
    private ChangeStream changes;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private boolean done;

    /** After the last record handed out. */
    private CdcPosition position;
    /** Known to be committed in the job repository (and so in the destination): safe to acknowledge. */
    private CdcPosition committed;
    /** What the last {@link #update} saved: committed once the next chunk's {@code update} runs. */
    private CdcPosition lastSaved;

    private boolean inTransaction;
    private Lsn txCommit;
    private String txCommitTime;
    private long txEmitted;
    private long txSkip;

    private long streamingSince;
    private long lastHeartbeat;
    private long lastProgress;
    private Lsn lastReceived = Lsn.NONE;
    private long changeRecords;
    private long retainedBytes = -1;

    /** A record waiting to be handed out, and the position once it is. */
    private record Pending(SourceRecord record, CdcPosition after) {
    }

    public PostgresCdcReader(SourceAccess access, CdcSettings settings, ConfiguredStream stream,
            Map<String, Object> previousSync) {
        this.access = access;
        this.settings = settings;
        this.stream = stream;
        this.previousSync = previousSync == null ? Map.of() : previousSync;
        this.schema = access.schemaOf(stream);
        this.table = stream.name();
        this.label = schema + "." + table;
        this.where = "PostgreSQL CDC of " + schema + "." + table + " (" + access.connection().address() + ")";
        this.contextKey = CdcPosition.contextKey(stream.name());
        this.slot = new ReplicationSlot(settings.slotName(schema, table));
        this.publication = new Publication(settings.publication());
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
            session = access.openSession();
            TableColumns columns = access.table(session, schema, table).orElseThrow(() -> new ItemStreamException(where
                    + ": the table does not exist or user '" + access.connection().username() + "' may not read it; re-run "
                    + "discover, or GRANT SELECT ON " + PostgresIdentifiers.qualified(schema, table) + " TO "
                    + PostgresIdentifiers.quote(access.connection().username())));
            TableIdentity identity = TableIdentity.of(session, schema, table);
            String problem = identity.whyNotCapturable(!columns.primaryKey().isEmpty());
            if (problem != null) {
                throw new ItemStreamException(where + ": " + problem);
            }
            captured = new CapturedTable(identity.oid(), columns, this::reloadColumns);
            for (String warning : publication.ensure(session, schema, table, access.connection().username(), where)) {
                log.warn("[{}] {}", label, warning);
            }
            Lsn serverNow = serverWal();
            CdcPosition restored = restore(context);
            if (restored == null) {
                startFromScratch(context, serverNow);
            } else {
                resume(restored, context, serverNow);
            }
        } catch (SQLException e) {
            close();
            throw new ItemStreamException(where + ": cannot start change capture: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private TableColumns reloadColumns() {
        try {
            return access.table(session, schema, table).orElse(null);
        } catch (SQLException e) {
            throw new ItemStreamException(where + ": cannot read the table's new definition: " + e.getMessage(), e);
        }
    }

    /** This step's own saved position (a restart), else the previous sync's, else none. */
    private CdcPosition restore(ExecutionContext context) {
        Object saved = context.containsKey(contextKey) ? context.get(contextKey) : previousSync.get(contextKey);
        if (saved == null) {
            return null;
        }
        CdcPosition restored;
        try {
            restored = CdcPosition.parse(saved.toString());
        } catch (IllegalArgumentException e) {
            throw new ItemStreamException(where + ": the saved position cannot be read (" + e.getMessage()
                    + "); reset the connection to start over with a new snapshot", e);
        }
        if (!restored.slot().equals(slot.name())) {
            throw new CdcPositionLostException(where + ": the saved position belongs to replication slot '" + restored.slot()
                    + "' but the connection now uses '" + slot.name() + "' (replication_slot changed). A new slot cannot "
                    + "continue where the old one was; set replication_slot back, or reset the connection to take a new "
                    + "snapshot with the new slot");
        }
        return restored;
    }

    private void startFromScratch(ExecutionContext context, Lsn serverNow) throws SQLException {
        ReplicationSlot.State old = slot.state(session).orElse(null);
        if (old != null) {
            old = awaitRelease(old);
        }
        if (old != null) {
            if (old.active()) {
                throw new ItemStreamException(where + ": replication slot '" + slot.name() + "' is in use by server process "
                        + old.activePid() + "; is another sync of this connection running, or another connection using the "
                        + "same replication_slot?");
            }
            log.warn("[{}] no saved CDC position (first sync, or the connection was reset): replacing replication slot {} "
                    + "(confirmed up to {}) by a new one for the initial load", label, slot.name(), old.confirmedFlush());
            slot.drop(session);
        }
        Connection replication = openReplication();
        try {
            ReplicationSlot.Created created = slot.create(replication);
            ReplicationSlot.State state = slot.state(session).orElseThrow(() -> new ItemStreamException(where
                    + ": replication slot '" + slot.name() + "' vanished right after it was created"));
            Lsn target = Lsn.max(serverNow, created.consistentPoint());
            String now = Instant.now().toString();
            if (settings.initialSnapshot()) {
                position = new CdcPosition(slot.name(), CdcPosition.SNAPSHOT, created.consistentPoint(), null, 0, target,
                        state.restartLsn(), now);
                String snapshotName = created.snapshotName();
                // imported while the replication connection, which exported it, is still open and idle
                openSnapshot(context, c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET TRANSACTION SNAPSHOT '" + snapshotName.replace("'", "''") + "'");
                    }
                });
                log.info("[{}] created replication slot {} at {}; copying the table in the slot's exported snapshot, then "
                        + "streaming its changes from there", label, slot.name(), created.consistentPoint());
            } else {
                position = new CdcPosition(slot.name(), CdcPosition.STREAMING, created.consistentPoint(), null, 0, target,
                        state.restartLsn(), now);
                log.info("[{}] created replication slot {} at {}; streaming the changes from there (initial_snapshot off)",
                        label, slot.name(), created.consistentPoint());
            }
        } finally {
            closeQuietly(replication);
        }
        committed = null; // nothing of this connection is committed yet; the new slot holds everything from its start
    }

    private void resume(CdcPosition restored, ExecutionContext context, Lsn serverNow) throws SQLException {
        boolean sameSync = context.containsKey(contextKey);
        ReplicationSlot.State state = slot.state(session).orElse(null);
        if (state != null) {
            state = awaitRelease(state);
        }
        if (state == null) {
            throw new CdcPositionLostException(where + ": replication slot '" + slot.name() + "' no longer exists (dropped, "
                    + "or removed by the server), so the changes after the saved position " + restored.resume() + " cannot "
                    + "be read. Reset the connection to take a new snapshot; change capture never re-snapshots on its own");
        }
        verify(state, restored);
        committed = restored;
        position = sameSync && restored.target() != null ? restored
                : restored.withTarget(Lsn.max(serverNow, restored.resume()));
        if (position.inSnapshot()) {
            ExecutionContext snapshotContext = sameSync ? context : fullRefreshState(previousSync);
            Lsn[] snapshotLsn = new Lsn[1];
            openSnapshot(snapshotContext, c -> snapshotLsn[0] = insertLsn(c));
            position = position.withTarget(Lsn.max(position.target(), snapshotLsn[0]));
            log.info("[{}] resuming the initial copy after its last committed row in a new snapshot (at {}); the changes "
                    + "since the slot's consistent point {} are streamed afterwards up to there, so the copy converges",
                    label, snapshotLsn[0], restored.resume());
        }
        report(state, "at start");
        if (settings.maxRetainedWalBytes() > 0 && state.retainedBytes() > settings.maxRetainedWalBytes()) {
            throw new ItemStreamException(where + ": replication slot '" + slot.name() + "' retains "
                    + ReplicationSlot.size(state.retainedBytes()) + " of WAL, more than max_retained_wal_mb ("
                    + ReplicationSlot.size(settings.maxRetainedWalBytes()) + "), and the server's disk fills up with it. "
                    + "Either raise max_retained_wal_mb and sync more often so that the connection catches up, or drop the "
                    + "slot (SELECT pg_drop_replication_slot('" + slot.name() + "')) and reset the connection to take a new "
                    + "snapshot");
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
            Optional<ReplicationSlot.State> now = slot.state(session);
            if (now.isEmpty()) {
                return null;
            }
            current = now.get();
        }
        return current;
    }

    private void verify(ReplicationSlot.State state, CdcPosition restored) {
        if (state.lost()) {
            throw new CdcPositionLostException(where + ": replication slot '" + slot.name() + "' was invalidated: the server "
                    + "removed WAL the slot still needed (its retained WAL exceeded max_slot_wal_keep_size), so the changes "
                    + "after the saved position " + restored.resume() + " are gone. Reset the connection to take a new "
                    + "snapshot; change capture never re-snapshots on its own");
        }
        if (!access.connection().database().equals(state.database())) {
            throw new ItemStreamException(where + ": replication slot '" + slot.name() + "' belongs to database '"
                    + state.database() + "'; give this connection its own replication_slot");
        }
        if (!"pgoutput".equals(state.plugin())) {
            throw new ItemStreamException(where + ": replication slot '" + slot.name() + "' uses the output plugin '"
                    + state.plugin() + "', not pgoutput; give this connection its own replication_slot");
        }
        if (state.active()) {
            throw new ItemStreamException(where + ": replication slot '" + slot.name() + "' is in use by server process "
                    + state.activePid() + "; is another sync of this connection running, or another connection using the "
                    + "same replication_slot?");
        }
        if (state.confirmedFlush() != null && state.confirmedFlush().isAfter(restored.resume())) {
            throw new CdcPositionLostException(where + ": replication slot '" + slot.name() + "' has confirmed WAL up to "
                    + state.confirmedFlush() + ", past this connection's saved position " + restored.resume() + ": the "
                    + "changes in between were consumed elsewhere (another client read the slot, or it was advanced) and "
                    + "cannot be read again. Reset the connection to take a new snapshot; change capture never "
                    + "re-snapshots on its own");
        }
    }

    /** The full-refresh scan's saved key from the previous sync, for a copy that a failed sync left unfinished. */
    private ExecutionContext fullRefreshState(Map<String, Object> state) {
        ExecutionContext copy = new ExecutionContext();
        String prefix = stream.name() + ".full_refresh.";
        state.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    private void openSnapshot(ExecutionContext context, SourceAccess.TransactionStart start) {
        ConfiguredStream copy = new ConfiguredStream(stream.stream(), SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND,
                List.of(), stream.primaryKey(), stream.destinationNamespace(), stream.destinationName());
        snapshot = access.snapshotReader(copy, start);
        snapshot.open(context);
    }

    private Connection openReplication() {
        try {
            return access.openReplicationSession();
        } catch (PostgresConnectionException e) {
            if (e.kind() == PostgresConnectionException.Kind.PRIVILEGE) {
                throw new ItemStreamException(where + ": user '" + access.connection().username() + "' may not use "
                        + "logical replication (" + e.getMessage() + "); run ALTER ROLE "
                        + PostgresIdentifiers.quote(access.connection().username()) + " REPLICATION", e);
            }
            throw e;
        }
    }

    @Override
    public SourceRecord read() {
        if (!pending.isEmpty()) {
            return handOut();
        }
        if (done) {
            return null;
        }
        try {
            if (snapshot != null) {
                SourceRecord row = snapshotRow();
                if (row != null) {
                    snapshotRecords++;
                    return snapshotRecord(row);
                }
                snapshot.close();
                snapshot = null;
                position = position.streamingFrom(position.resume());
                log.info("[{}] initial copy done ({} rows in this run); streaming changes from {}", label,
                        snapshotRecords, position.resume());
            }
            if (changes == null) {
                startStreaming();
            }
            return stream();
        } catch (SQLException e) {
            throw new ItemStreamException(where + ": reading changes failed at " + position.resume() + ": " + e.getMessage(), e);
        }
    }

    private SourceRecord snapshotRow() {
        try {
            return snapshot.read();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ItemStreamException(where + ": reading the initial copy failed: " + e.getMessage(), e);
        }
    }

    private SourceRecord snapshotRecord(SourceRecord row) {
        ObjectNode data = row.data();
        data.put(CdcCatalog.LSN, position.snapshotLsn().value());
        data.put(CdcCatalog.UPDATED_AT, position.snapshotAt());
        data.putNull(CdcCatalog.DELETED_AT);
        return new SourceRecord(data, row.emittedAt());
    }

    private void startStreaming() throws SQLException {
        Connection replication = openReplication();
        try {
            changes = ChangeStream.start(replication, slot.name(), publication, position.resume(), settings.heartbeat());
        } catch (SQLException e) {
            closeQuietly(replication);
            if ("42704".equals(e.getSQLState())) {
                throw new CdcPositionLostException(where + ": replication slot '" + slot.name() + "' no longer exists: "
                        + e.getMessage() + ". Reset the connection to take a new snapshot; change capture never "
                        + "re-snapshots on its own");
            }
            if ("55000".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("can no longer get changes")) {
                throw new CdcPositionLostException(where + ": " + e.getMessage() + ". Reset the connection to take a new "
                        + "snapshot; change capture never re-snapshots on its own");
            }
            throw e;
        }
        if (committed != null) {
            changes.acknowledge(committed.resume());
        }
        streamingSince = System.nanoTime();
        lastHeartbeat = streamingSince;
        lastProgress = streamingSince;
        lastReceived = changes.lastReceived();
        log.info("[{}] streaming changes of slot {} from {} {}", label, slot.name(), position.resume(),
                settings.streamingTime().isZero() ? "up to " + position.target() + " (the server's WAL position at the start)"
                        : "for " + settings.streamingTime().toSeconds() + " s");
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
                    log.warn("[{}] the server sent nothing for {} minutes; ending this sync at {} (the next one continues "
                            + "there)", label, TimeUnit.NANOSECONDS.toMinutes(STALL_NANOS), position.resume());
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
                        log.info("[{}] {}", label, change);
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
            throw new ItemStreamException(where + ": the transaction committing at " + position.txCommit() + ", of which "
                    + position.txEmitted() + " changes were delivered before the restart, was not sent again (the next one "
                    + "commits at " + begin.finalLsn() + "); the slot no longer matches the saved position. Reset the connection");
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
        pending.add(new Pending(new SourceRecord(data, System.currentTimeMillis()), position.within(txCommit, txEmitted)));
    }

    private SourceRecord handOut() {
        Pending next = pending.poll();
        position = next.after();
        changeRecords++;
        return next.record();
    }

    private boolean finished() {
        if (settings.streamingTime().isZero()) {
            return !position.resume().isBefore(position.target());
        }
        return System.nanoTime() - streamingSince >= settings.streamingTime().toNanos();
    }

    private SourceRecord end(String why) throws SQLException {
        done = true;
        awaitDecodingPastAcknowledged();
        Optional<ReplicationSlot.State> state = slot.state(session);
        log.info("[{}] change capture done ({}): {} change records; saved position {}", label, why, changeRecords,
                position.resume());
        if (state.isPresent()) {
            report(state.get(), "at the end");
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
        try (java.sql.PreparedStatement ps = session.prepareStatement("SELECT r.sent_lsn::text FROM pg_stat_replication r "
                + "JOIN pg_replication_slots s ON s.active_pid = r.pid WHERE s.slot_name = ?")) {
            ps.setString(1, slot.name());
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null || !Lsn.parse(rs.getString(1)).isBefore(acknowledged)) {
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
        if (now - lastHeartbeat >= settings.heartbeat().toNanos()) {
            lastHeartbeat = now;
            Optional<ReplicationSlot.State> state = slot.state(session);
            if (state.isPresent()) {
                report(state.get(), "streaming, at " + position.resume() + (inTransaction ? " (inside a transaction)" : ""));
            }
        }
        try {
            Thread.sleep(IDLE_SLEEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException(where + ": interrupted while waiting for changes", e);
        }
    }

    /** Logs the WAL the slot keeps on the server, and warns from 80 % of {@code max_retained_wal_mb}. */
    private void report(ReplicationSlot.State state, String when) {
        retainedBytes = state.retainedBytes();
        String line = "[{}] replication slot {} retains {} of WAL ({} bytes; restart LSN {}, server at {}), confirmed up to "
                + "{} ({} behind the server) {}";
        Object[] args = {label, slot.name(), ReplicationSlot.size(retainedBytes), retainedBytes, state.restartLsn(),
                state.serverLsn(), state.confirmedFlush(), ReplicationSlot.size(state.behindBytes()), when};
        long max = settings.maxRetainedWalBytes();
        if (max > 0 && retainedBytes * 5 >= max * 4) {
            log.warn(line + "; that is " + (retainedBytes * 100 / max) + " % of max_retained_wal_mb ("
                    + ReplicationSlot.size(max) + "): sync more often or the next sync fails", args);
        } else {
            log.info(line, args);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        if (snapshot != null) {
            snapshot.update(context);
        }
        if (lastSaved != null) {
            committed = lastSaved; // this chunk runs, so the chunk that saved it committed
        }
        if (changes != null && committed != null) {
            try {
                changes.acknowledge(committed.resume());
            } catch (SQLException e) {
                throw new ItemStreamException(where + ": cannot acknowledge " + committed.resume() + " to the server: "
                        + e.getMessage(), e);
            }
        }
        if (position != null) {
            context.putString(contextKey, position.asString());
            lastSaved = position;
        }
        if (retainedBytes >= 0) {
            context.putLong(retainedWalKey(stream.name()), retainedBytes);
        }
    }

    @Override
    public void close() {
        if (snapshot != null) {
            try {
                snapshot.close();
            } catch (RuntimeException ignored) {
                // closing its connection ends the snapshot anyway
            }
            snapshot = null;
        }
        if (changes != null) {
            changes.close();
            changes = null;
        }
        closeQuietly(session);
        session = null;
    }

    private Lsn serverWal() throws SQLException {
        try (Statement s = session.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        }
    }

    /** Where WAL insertion stands now: past the commit of every transaction a snapshot taken just before can see. */
    private static Lsn insertLsn(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            rs.next();
            return Lsn.parse(rs.getString(1));
        }
    }

    private static String instant(long postgresMicros) {
        long micros = postgresMicros + PgOutputMessage.POSTGRES_EPOCH_MICROS;
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L).toString();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }
}
