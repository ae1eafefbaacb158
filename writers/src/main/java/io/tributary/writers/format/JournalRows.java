package io.tributary.writers.format;

import io.tributary.connector.record.RecordJson;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableSchema;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The row format of the chunk journals the file destinations keep (S3's {@code ChunkJournal}, the
 * local destination's staging): compact binary, read back only after a crash to rebuild a file that
 * was still open, since a Parquet file cannot be continued. Each value is a tag and the value in its type's natural binary form: variable-length
 * integers for integers, decimals (scale and unscaled value) and the parts of dates and times
 * (offsets kept), UTF-8 for text and JSON. Tags: {@code 0} NULL, {@code 1} the column type's value,
 * {@code 2} text for a value of another Java type, {@code 3} a decimal whose unscaled value needs
 * more than 64 bits (its two's-complement bytes), {@code 4} the very value of the row before in this
 * column (the record's timestamps and constant metadata are shared by its rows).
 *
 * <p>Not compressed: the journal is written by every chunk and read only after a crash, and on the
 * machines the destination runs on compressing it cost more CPU than sending and storing the extra
 * bytes.
 */
public final class JournalRows {

    private static final int MAGIC = 0x54524A32; // "TRJ2"
    private static final byte NULL = 0;
    private static final byte TYPED = 1;
    private static final byte TEXT = 2;
    private static final byte BIG_DECIMAL = 3;
    private static final byte SAME = 4;

    private JournalRows() {}

    /** {@code rows} of {@code table} as one journal object; the buffer's remaining bytes, its backing array not copied. */
    public static ByteBuffer encode(TableSchema table, List<Object[]> rows) {
        ColumnType[] types = types(table);
        Encoder out = new Encoder(Math.max(1024, rows.size() * types.length * 16));
        out.int32(MAGIC);
        out.varint(types.length);
        Object[] previous = new Object[types.length];
        for (Object[] row : rows) {
            for (int c = 0; c < types.length; c++) {
                Object v = row[c];
                if (v == null) {
                    out.tag(NULL);
                } else if (v == previous[c]) {
                    out.tag(SAME);
                } else {
                    out.value(types[c], v);
                }
            }
            previous = row;
        }
        return ByteBuffer.wrap(out.bytes, 0, out.length);
    }

    /** Feeds each row of a journal of {@code table} to {@code rows}; returns how many. */
    public static long decode(TableSchema table, InputStream journal, Consumer<Object[]> rows) throws IOException {
        return new Decoder(journal.readAllBytes()).rows(types(table), table.name(), rows);
    }

    private static ColumnType[] types(TableSchema table) {
        return table.columns().stream().map(c -> c.type()).toArray(ColumnType[]::new);
    }

    /** Appends to a growing array; what DataOutputStream would do, without its per-byte stream calls. */
    private static final class Encoder {
        private byte[] bytes;
        private int length;
        private RecordJson json;

        Encoder(int capacity) {
            bytes = new byte[capacity];
        }

        void value(ColumnType type, Object v) {
            if (type == ColumnType.JSON && (v instanceof JsonNode || v instanceof SourceRecord)) {
                json = json == null ? new RecordJson() : json;
                tag(TYPED);
                bytes(v instanceof SourceRecord record ? json.encode(record) : json.encode((JsonNode) v));
                return;
            }
            int start = length;
            try {
                typed(type, v);
            } catch (ClassCastException | NumberFormatException e) {
                // NumberFormatException: a double that is no decimal (infinite, NaN) for a NUMBER column
                length = start;
                tag(TEXT);
                bytes(v.toString().getBytes(StandardCharsets.UTF_8));
            }
        }

        /** The tag and value; fails with ClassCastException before writing when the value is not of the type's Java type. */
        private void typed(ColumnType type, Object v) {
            switch (type) {
                case BOOLEAN -> {
                    boolean b = (Boolean) v;
                    tag(TYPED);
                    tag((byte) (b ? 1 : 0));
                }
                case INTEGER -> {
                    long l = ((Number) v).longValue();
                    tag(TYPED);
                    signed(l);
                }
                case NUMBER -> {
                    BigDecimal d = v instanceof BigDecimal bd ? bd : new BigDecimal(((Number) v).toString());
                    if (d.precision() <= 18) {
                        // Scale 0, the same digits: a compact BigDecimal gives its unscaled long without a BigInteger.
                        tag(TYPED);
                        signed(d.scale());
                        signed(d.scaleByPowerOfTen(d.scale()).longValueExact());
                    } else {
                        tag(BIG_DECIMAL);
                        signed(d.scale());
                        bytes(d.unscaledValue().toByteArray());
                    }
                }
                case STRING -> {
                    byte[] text = v.toString().getBytes(StandardCharsets.UTF_8);
                    tag(TYPED);
                    bytes(text);
                }
                case JSON -> {
                    byte[] text = ((String) v).getBytes(StandardCharsets.UTF_8);
                    tag(TYPED);
                    bytes(text);
                }
                case DATE -> {
                    long day = ((LocalDate) v).toEpochDay();
                    tag(TYPED);
                    signed(day);
                }
                case TIME -> {
                    long nanos = ((LocalTime) v).toNanoOfDay();
                    tag(TYPED);
                    varint(nanos);
                }
                case TIME_TZ -> {
                    OffsetTime t = (OffsetTime) v;
                    tag(TYPED);
                    varint(t.toLocalTime().toNanoOfDay());
                    signed(t.getOffset().getTotalSeconds());
                }
                case TIMESTAMP -> {
                    LocalDateTime t = (LocalDateTime) v;
                    tag(TYPED);
                    signed(t.toEpochSecond(ZoneOffset.UTC));
                    varint(t.getNano());
                }
                case TIMESTAMP_TZ -> {
                    OffsetDateTime t = (OffsetDateTime) v;
                    tag(TYPED);
                    signed(t.toEpochSecond());
                    varint(t.getNano());
                    signed(t.getOffset().getTotalSeconds());
                }
            }
        }

        void tag(byte b) {
            ensure(1);
            bytes[length++] = b;
        }

        void int32(int v) {
            ensure(4);
            bytes[length++] = (byte) (v >>> 24);
            bytes[length++] = (byte) (v >>> 16);
            bytes[length++] = (byte) (v >>> 8);
            bytes[length++] = (byte) v;
        }

        /** Zigzag, so small negative numbers stay short. */
        void signed(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        /** Seven bits a byte, least significant first; {@code v} is taken as unsigned. */
        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                bytes[length++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[length++] = (byte) v;
        }

        void bytes(byte[] b) {
            varint(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
        }

        private void ensure(int more) {
            if (bytes.length - length < more) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** Reads {@link Encoder}'s bytes. */
    private static final class Decoder {
        private final byte[] bytes;
        private int position;

        Decoder(byte[] bytes) {
            this.bytes = bytes;
        }

        long rows(ColumnType[] types, String table, Consumer<Object[]> rows) throws IOException {
            if (bytes.length < 4 || int32() != MAGIC) {
                throw new IOException("not a journal of this format");
            }
            int columns = (int) varint();
            if (columns != types.length) {
                throw new IOException(
                        "journal rows have " + columns + " columns, table " + table + " has " + types.length);
            }
            long count = 0;
            Object[] previous = new Object[columns];
            while (position < bytes.length) {
                Object[] values = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    byte tag = next();
                    values[c] = switch (tag) {
                        case NULL -> null;
                        case TYPED -> typed(types[c]);
                        case TEXT -> text();
                        case BIG_DECIMAL -> {
                            int scale = (int) signed();
                            yield new BigDecimal(new BigInteger(bytes()), scale);
                        }
                        case SAME -> {
                            if (count == 0) {
                                throw new IOException("the first journal row refers to a row before it");
                            }
                            yield previous[c];
                        }
                        default -> throw new IOException("unknown value tag " + tag);
                    };
                }
                rows.accept(values);
                previous = values;
                count++;
            }
            return count;
        }

        private Object typed(ColumnType type) throws IOException {
            return switch (type) {
                case BOOLEAN -> next() != 0;
                case INTEGER -> signed();
                case NUMBER -> {
                    int scale = (int) signed();
                    yield BigDecimal.valueOf(signed(), scale);
                }
                case STRING, JSON -> text();
                case DATE -> LocalDate.ofEpochDay(signed());
                case TIME -> LocalTime.ofNanoOfDay(varint());
                case TIME_TZ -> {
                    LocalTime time = LocalTime.ofNanoOfDay(varint());
                    yield OffsetTime.of(time, ZoneOffset.ofTotalSeconds((int) signed()));
                }
                case TIMESTAMP -> {
                    long second = signed();
                    yield LocalDateTime.ofEpochSecond(second, (int) varint(), ZoneOffset.UTC);
                }
                case TIMESTAMP_TZ -> {
                    long second = signed();
                    int nano = (int) varint();
                    ZoneOffset offset = ZoneOffset.ofTotalSeconds((int) signed());
                    yield OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano), offset);
                }
            };
        }

        private byte next() throws IOException {
            if (position >= bytes.length) {
                throw new EOFException("journal ends within a row");
            }
            return bytes[position++];
        }

        private int int32() throws IOException {
            return (next() & 0xFF) << 24 | (next() & 0xFF) << 16 | (next() & 0xFF) << 8 | (next() & 0xFF);
        }

        private long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IOException("malformed journal: a number longer than 64 bits");
        }

        private long signed() throws IOException {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        private String text() throws IOException {
            int length = length();
            String s = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return s;
        }

        private byte[] bytes() throws IOException {
            int length = length();
            byte[] b = Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return b;
        }

        private int length() throws IOException {
            long length = varint();
            if (length > bytes.length - position) {
                throw new EOFException("journal ends within a value");
            }
            return (int) length;
        }
    }
}
