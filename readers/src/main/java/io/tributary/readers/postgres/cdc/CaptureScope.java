package io.tributary.readers.postgres.cdc;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.postgres.PostgresConnectionException;
import io.tributary.postgres.PostgresIdentifiers;
import io.tributary.readers.postgres.shared.CdcSettings;
import io.tributary.readers.postgres.shared.SourceAccess;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * What every part of one table's change capture knows: the table, its slot and publication, the
 * settings, how to name it in messages, and the slot's WAL retention as last reported.
 *
 * <p>The parts ({@link SlotStartup}, {@link SnapshotPhase}, {@link StreamingPhase}) all log through
 * the logger of {@link PostgresCdcReader}: one table's capture stays one log category, as operators
 * and log-based alerts know it.
 */
final class CaptureScope {

    static final Logger log = LoggerFactory.getLogger(PostgresCdcReader.class);

    final SourceAccess access;
    final CdcSettings settings;
    final ConfiguredStream stream;
    final String schema;
    final String table;
    /** The stream's qualified name, as the engine's log lines name it. */
    final String label;
    /** The start of every error message: which capture, on which server. */
    final String where;
    /** The key of the position ({@link CdcPosition}) in the ExecutionContext and the previous sync's state. */
    final String positionKey;

    final ReplicationSlot slot;
    final Publication publication;

    private long retainedBytes = -1;

    CaptureScope(SourceAccess access, CdcSettings settings, ConfiguredStream stream) {
        this.access = access;
        this.settings = settings;
        this.stream = stream;
        this.schema = access.schemaOf(stream);
        this.table = stream.name();
        this.label = schema + "." + table;
        this.where = "PostgreSQL CDC of " + schema + "." + table + " ("
                + access.connection().address() + ")";
        this.positionKey = CdcPosition.contextKey(stream.name());
        this.slot = new ReplicationSlot(settings.slotName(schema, table));
        this.publication = new Publication(settings.publication());
    }

    /** A replication connection; a user without the REPLICATION attribute is told how to get it. */
    Connection openReplication() {
        try {
            return access.openReplicationSession();
        } catch (PostgresConnectionException e) {
            if (e.kind() == PostgresConnectionException.Kind.PRIVILEGE) {
                throw new ItemStreamException(
                        where + ": user '" + access.connection().username() + "' may not use "
                                + "logical replication (" + e.getMessage() + "); run ALTER ROLE "
                                + PostgresIdentifiers.quote(access.connection().username()) + " REPLICATION",
                        e);
            }
            throw e;
        }
    }

    /** Logs the WAL the slot keeps on the server, and warns from 80 % of {@code max_retained_wal_mb}. */
    void report(ReplicationSlot.State state, String when) {
        retainedBytes = state.retainedBytes();
        String line =
                "[{}] replication slot {} retains {} of WAL ({} bytes; restart LSN {}, server at {}), confirmed up to "
                        + "{} ({} behind the server) {}";
        Object[] args = {
            label,
            slot.name(),
            ReplicationSlot.size(retainedBytes),
            retainedBytes,
            state.restartLsn(),
            state.serverLsn(),
            state.confirmedFlush(),
            ReplicationSlot.size(state.behindBytes()),
            when
        };
        long max = settings.maxRetainedWalBytes();
        if (max > 0 && retainedBytes * 5 >= max * 4) {
            log.warn(
                    line + "; that is " + (retainedBytes * 100 / max) + " % of max_retained_wal_mb ("
                            + ReplicationSlot.size(max) + "): sync more often or the next sync fails",
                    args);
        } else {
            log.info(line, args);
        }
    }

    /** The WAL the slot retained when last reported, in bytes; -1 before the first report. */
    long retainedBytes() {
        return retainedBytes;
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }
}
