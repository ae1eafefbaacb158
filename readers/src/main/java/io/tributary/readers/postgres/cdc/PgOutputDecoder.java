package io.tributary.readers.postgres.cdc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one {@code pgoutput} message (protocol version 1, text values) from the payload of a
 * replication XLogData message. Strings are UTF-8: pgjdbc asks the server for that client encoding.
 */
final class PgOutputDecoder {

    private PgOutputDecoder() {}

    static PgOutputMessage decode(ByteBuffer buffer) {
        char type = (char) buffer.get();
        return switch (type) {
            case 'B' ->
                new PgOutputMessage.Begin(
                        new Lsn(buffer.getLong()), buffer.getLong(), Integer.toUnsignedLong(buffer.getInt()));
            case 'C' -> {
                buffer.get(); // flags, unused
                yield new PgOutputMessage.Commit(
                        new Lsn(buffer.getLong()), new Lsn(buffer.getLong()), buffer.getLong());
            }
            case 'R' -> relation(buffer);
            case 'I' -> {
                long oid = oid(buffer);
                expect(buffer, 'N', "insert");
                yield new PgOutputMessage.Insert(oid, tuple(buffer));
            }
            case 'U' -> {
                long oid = oid(buffer);
                char next = (char) buffer.get();
                char oldKind = 0;
                PgOutputMessage.Tuple old = null;
                if (next == 'K' || next == 'O') {
                    oldKind = next;
                    old = tuple(buffer);
                    next = (char) buffer.get();
                }
                if (next != 'N') {
                    throw new IllegalStateException(
                            "pgoutput update message: expected the new tuple ('N'), got '" + next + "'");
                }
                yield new PgOutputMessage.Update(oid, oldKind, old, tuple(buffer));
            }
            case 'D' -> {
                long oid = oid(buffer);
                char kind = (char) buffer.get();
                if (kind != 'K' && kind != 'O') {
                    throw new IllegalStateException(
                            "pgoutput delete message: expected the old key or row ('K' or 'O'), got '" + kind + "'");
                }
                yield new PgOutputMessage.Delete(oid, kind, tuple(buffer));
            }
            case 'T' -> {
                int count = buffer.getInt();
                int options = buffer.get();
                List<Long> oids = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    oids.add(oid(buffer));
                }
                yield new PgOutputMessage.Truncate(oids, (options & 1) != 0, (options & 2) != 0);
            }
            case 'Y', 'O', 'M' -> new PgOutputMessage.Ignored(type);
            default ->
                throw new IllegalStateException("pgoutput message of unknown type '" + type
                        + "': this reader speaks protocol version 1 without streaming of in-progress transactions");
        };
    }

    private static PgOutputMessage.Relation relation(ByteBuffer buffer) {
        long oid = oid(buffer);
        String namespace = string(buffer);
        String name = string(buffer);
        char identity = (char) buffer.get();
        int count = buffer.getShort();
        List<PgOutputMessage.Relation.Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean key = (buffer.get() & 1) != 0;
            String column = string(buffer);
            long type = oid(buffer);
            int typmod = buffer.getInt();
            columns.add(new PgOutputMessage.Relation.Column(key, column, type, typmod));
        }
        return new PgOutputMessage.Relation(
                oid, namespace.isEmpty() ? "pg_catalog" : namespace, name, identity, columns);
    }

    private static PgOutputMessage.Tuple tuple(ByteBuffer buffer) {
        int count = buffer.getShort();
        char[] kinds = new char[count];
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            char kind = (char) buffer.get();
            kinds[i] = kind;
            switch (kind) {
                case 'n', 'u' -> {
                    // no value: NULL, or an unchanged TOASTed value
                }
                case 't' -> {
                    int length = buffer.getInt();
                    values[i] = new String(
                            buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
                    buffer.position(buffer.position() + length);
                }
                default ->
                    throw new IllegalStateException("pgoutput tuple column of kind '" + kind
                            + "': only text values are requested (binary off)");
            }
        }
        return new PgOutputMessage.Tuple(kinds, values);
    }

    private static long oid(ByteBuffer buffer) {
        return Integer.toUnsignedLong(buffer.getInt());
    }

    private static String string(ByteBuffer buffer) {
        int start = buffer.position();
        int end = start;
        while (buffer.get(end) != 0) {
            end++;
        }
        String s = new String(buffer.array(), buffer.arrayOffset() + start, end - start, StandardCharsets.UTF_8);
        buffer.position(end + 1);
        return s;
    }

    private static void expect(ByteBuffer buffer, char wanted, String message) {
        char got = (char) buffer.get();
        if (got != wanted) {
            throw new IllegalStateException(
                    "pgoutput " + message + " message: expected '" + wanted + "', got '" + got + "'");
        }
    }
}
