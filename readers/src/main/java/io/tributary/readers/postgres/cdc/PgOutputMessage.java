package io.tributary.readers.postgres.cdc;

import java.util.List;

/**
 * The messages of PostgreSQL's {@code pgoutput} logical replication protocol (version 1) that the
 * CDC reader acts on. Transactions arrive whole and in commit order: {@link Begin}, then
 * {@link Relation}s and changes, then {@link Commit}; a rolled-back transaction never arrives.
 */
sealed interface PgOutputMessage {

    /** Microseconds between the Unix epoch and PostgreSQL's epoch, 2000-01-01 UTC. */
    long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    /** Starts a transaction. */
    record Begin(Lsn finalLsn, long commitMicros, long xid) implements PgOutputMessage {}

    /** Ends a transaction; {@code endLsn} is just past its commit record. */
    record Commit(Lsn commitLsn, Lsn endLsn, long commitMicros) implements PgOutputMessage {}

    /**
     * Describes a table before its first change in a session and again after its definition changed.
     *
     * @param replicaIdentity {@code d} default (primary key), {@code f} full, {@code i} index, {@code n} nothing
     */
    record Relation(long oid, String namespace, String name, char replicaIdentity, List<Column> columns)
            implements PgOutputMessage {

        public Relation {
            columns = List.copyOf(columns);
        }

        /** A column as pgoutput describes it; {@code key} when it is part of the replica identity. */
        record Column(boolean key, String name, long typeOid, int typmod) {}
    }

    record Insert(long oid, Tuple newTuple) implements PgOutputMessage {}

    /**
     * An update; {@code oldKind} is {@code K} (old key: the key changed), {@code O} (whole old row:
     * REPLICA IDENTITY FULL) or {@code 0} when only the new row is sent.
     */
    record Update(long oid, char oldKind, Tuple oldTuple, Tuple newTuple) implements PgOutputMessage {}

    /** A delete carrying the old key ({@code K}) or the whole old row ({@code O}). */
    record Delete(long oid, char oldKind, Tuple oldTuple) implements PgOutputMessage {}

    record Truncate(List<Long> oids, boolean cascade, boolean restartIdentity) implements PgOutputMessage {

        public Truncate {
            oids = List.copyOf(oids);
        }
    }

    /** Type, origin and logical decoding messages: nothing to capture. */
    record Ignored(char type) implements PgOutputMessage {}

    /**
     * A row's values in text form, by column position. {@code kinds[i]} is {@code t} (text value),
     * {@code n} (SQL NULL) or {@code u} (an unchanged TOASTed value the server did not resend).
     */
    record Tuple(char[] kinds, String[] values) {

        int size() {
            return kinds.length;
        }
    }
}
