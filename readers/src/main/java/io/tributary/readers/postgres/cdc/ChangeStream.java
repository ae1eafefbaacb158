package io.tributary.readers.postgres.cdc;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * The pgoutput stream of one slot over pgjdbc's replication API. It tells the server only what
 * {@link #acknowledge} is given: pgjdbc's periodic status updates repeat that flush position and
 * report as "received" what arrived, which the server does not use to free WAL. pgjdbc's automatic
 * flush (on by default since 42.2.x: a keepalive moves the flushed position to the server's once the
 * client acknowledged all it received) is turned off, because it would acknowledge WAL whose changes
 * the destination has not committed.
 */
final class ChangeStream implements AutoCloseable {

    private final Connection connection;
    private final PGReplicationStream stream;
    private Lsn acknowledged = Lsn.NONE;

    private ChangeStream(Connection connection, PGReplicationStream stream) {
        this.connection = connection;
        this.stream = stream;
    }

    /**
     * Starts streaming {@code slot} on the replication connection: transactions that committed before
     * {@code from} are skipped by the server.
     */
    static ChangeStream start(
            Connection replication, String slot, Publication publication, Lsn from, Duration statusInterval)
            throws SQLException {
        PGReplicationStream stream = replication
                .unwrap(PGConnection.class)
                .getReplicationAPI()
                .replicationStream()
                .logical()
                .withSlotName(slot)
                .withStartPosition(LogSequenceNumber.valueOf(from.value()))
                .withSlotOption("proto_version", 1)
                .withSlotOption("publication_names", publication.optionValue())
                .withStatusInterval((int) statusInterval.toMillis(), TimeUnit.MILLISECONDS)
                // pgjdbc would otherwise move the flushed position to the server's position on a keepalive once
                // everything received was acknowledged: past what the destination committed
                .withAutomaticFlush(false)
                .start();
        return new ChangeStream(replication, stream);
    }

    /** The next pgoutput message, or {@code null} when none is waiting (keepalives are answered meanwhile). */
    ByteBuffer readPending() throws SQLException {
        return stream.readPending();
    }

    /**
     * The WAL position of the message {@link #readPending} returned last; when no transaction is
     * open, a keepalive may have moved it further: the server has decoded up to there and sent
     * every transaction that committed before.
     */
    Lsn lastReceived() {
        return new Lsn(stream.getLastReceiveLSN().asLong());
    }

    /**
     * Lets the server forget every transaction that committed before {@code lsn}. Sends a status
     * update even when the position did not move: called once per chunk, it also keeps the server
     * from timing the connection out ({@code wal_sender_timeout}) while the destination writes.
     */
    void acknowledge(Lsn lsn) throws SQLException {
        if (lsn.isAfter(acknowledged)) {
            LogSequenceNumber position = LogSequenceNumber.valueOf(lsn.value());
            stream.setFlushedLSN(position);
            stream.setAppliedLSN(position);
            acknowledged = lsn;
        }
        stream.forceUpdateStatus();
    }

    Lsn acknowledged() {
        return acknowledged;
    }

    /** Ends the stream and the connection; the server keeps the slot and everything not acknowledged. */
    @Override
    public void close() {
        try {
            stream.close();
        } catch (SQLException | RuntimeException ignored) {
            // closing the connection ends the walsender anyway
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already broken
        }
    }
}
