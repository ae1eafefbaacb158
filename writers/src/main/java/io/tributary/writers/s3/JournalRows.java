package io.tributary.writers.s3;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.tributary.connector.record.RecordJson;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableSchema;
import tools.jackson.databind.JsonNode;

/**
 * The chunk journal's row format: compact binary, read back only by {@link ChunkJournal} after a
 * crash. Each value is a tag ({@code 0} NULL, {@code 1} the column type's value, {@code 2} text for a
 * value of another Java type) and the value in its type's natural binary form: longs for integers
 * and the parts of dates and times (offsets kept), scale and unscaled digits for decimals, UTF-8
 * for text and JSON; the whole gzip-compressed at the fastest level (an object is uploaded in one
 * request, and a small one is soon written whole). Encoding and decoding need no formatting or parsing
 * of text, which made the JSON Lines journal the largest cost of an S3 load.
 */
final class JournalRows {

    private static final int MAGIC = 0x54524A31; // "TRJ1"
    private static final byte NULL = 0;
    private static final byte TYPED = 1;
    private static final byte TEXT = 2;

    private JournalRows() {
    }

    /** {@code rows} of {@code table} as one journal object, gzip-compressed at the fastest level. */
    static byte[] encode(TableSchema table, List<Object[]> rows) {
        ColumnType[] types = types(table);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        RecordJson json = null;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(bytes, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }, 64 * 1024))) {
            out.writeInt(MAGIC);
            out.writeInt(types.length);
            for (Object[] row : rows) {
                for (int c = 0; c < types.length; c++) {
                    Object v = row[c];
                    if (v == null) {
                        out.writeByte(NULL);
                    } else if (types[c] == ColumnType.JSON && v instanceof JsonNode node) {
                        json = json == null ? new RecordJson() : json;
                        out.writeByte(TYPED);
                        writeBytes(out, json.encode(node));
                    } else {
                        try {
                            writeTyped(out, types[c], v);
                        } catch (ClassCastException e) {
                            out.writeByte(TEXT);
                            writeBytes(out, v.toString().getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The tag and value; nothing is written when the value is not of the type's Java type (ClassCastException). */
    private static void writeTyped(DataOutputStream out, ColumnType type, Object v) throws IOException {
        switch (type) {
            case BOOLEAN -> {
                boolean b = (Boolean) v;
                out.writeByte(TYPED);
                out.writeBoolean(b);
            }
            case INTEGER -> {
                long l = ((Number) v).longValue();
                out.writeByte(TYPED);
                out.writeLong(l);
            }
            case NUMBER -> {
                BigDecimal d = v instanceof BigDecimal bd ? bd : new BigDecimal(((Number) v).toString());
                out.writeByte(TYPED);
                out.writeInt(d.scale());
                writeBytes(out, d.unscaledValue().toByteArray());
            }
            case STRING -> {
                out.writeByte(TYPED);
                writeBytes(out, v.toString().getBytes(StandardCharsets.UTF_8));
            }
            case JSON -> {
                String text = (String) v;
                out.writeByte(TYPED);
                writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
            }
            case DATE -> {
                long day = ((LocalDate) v).toEpochDay();
                out.writeByte(TYPED);
                out.writeLong(day);
            }
            case TIME -> {
                long nanos = ((LocalTime) v).toNanoOfDay();
                out.writeByte(TYPED);
                out.writeLong(nanos);
            }
            case TIME_TZ -> {
                OffsetTime t = (OffsetTime) v;
                out.writeByte(TYPED);
                out.writeLong(t.toLocalTime().toNanoOfDay());
                out.writeInt(t.getOffset().getTotalSeconds());
            }
            case TIMESTAMP -> {
                LocalDateTime t = (LocalDateTime) v;
                out.writeByte(TYPED);
                out.writeLong(t.toEpochSecond(ZoneOffset.UTC));
                out.writeInt(t.getNano());
            }
            case TIMESTAMP_TZ -> {
                OffsetDateTime t = (OffsetDateTime) v;
                out.writeByte(TYPED);
                out.writeLong(t.toEpochSecond());
                out.writeInt(t.getNano());
                out.writeInt(t.getOffset().getTotalSeconds());
            }
        }
    }

    /** Feeds each row of a (compressed) journal object of {@code table} to {@code rows}; returns how many. */
    static long decode(TableSchema table, InputStream journal, Consumer<Object[]> rows) throws IOException {
        ColumnType[] types = types(table);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(journal, 64 * 1024), 64 * 1024));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a journal of this format");
        }
        int columns = in.readInt();
        if (columns != types.length) {
            throw new IOException("journal rows have " + columns + " columns, table " + table.name() + " has " + types.length);
        }
        long count = 0;
        while (true) {
            Object[] values = new Object[columns];
            for (int c = 0; c < columns; c++) {
                int tag;
                try {
                    tag = in.readByte();
                } catch (EOFException end) {
                    if (c == 0) {
                        return count;
                    }
                    throw end;
                }
                values[c] = switch (tag) {
                    case NULL -> null;
                    case TYPED -> readTyped(in, types[c]);
                    case TEXT -> new String(readBytes(in), StandardCharsets.UTF_8);
                    default -> throw new IOException("unknown value tag " + tag);
                };
            }
            rows.accept(values);
            count++;
        }
    }

    private static Object readTyped(DataInputStream in, ColumnType type) throws IOException {
        return switch (type) {
            case BOOLEAN -> in.readBoolean();
            case INTEGER -> in.readLong();
            case NUMBER -> {
                int scale = in.readInt();
                yield new BigDecimal(new BigInteger(readBytes(in)), scale);
            }
            case STRING, JSON -> new String(readBytes(in), StandardCharsets.UTF_8);
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case TIME -> LocalTime.ofNanoOfDay(in.readLong());
            case TIME_TZ -> {
                LocalTime time = LocalTime.ofNanoOfDay(in.readLong());
                yield OffsetTime.of(time, ZoneOffset.ofTotalSeconds(in.readInt()));
            }
            case TIMESTAMP -> {
                long second = in.readLong();
                yield LocalDateTime.ofEpochSecond(second, in.readInt(), ZoneOffset.UTC);
            }
            case TIMESTAMP_TZ -> {
                long second = in.readLong();
                int nano = in.readInt();
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
                yield OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano), offset);
            }
        };
    }

    private static ColumnType[] types(TableSchema table) {
        return table.columns().stream().map(c -> c.type()).toArray(ColumnType[]::new);
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] b = in.readNBytes(length);
        if (b.length < length) {
            throw new EOFException("journal ends within a value");
        }
        return b;
    }
}
