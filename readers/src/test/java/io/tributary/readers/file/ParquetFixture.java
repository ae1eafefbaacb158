package io.tributary.readers.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Parquet files written by parquet-java's own example writer, with the types and nesting real files have. */
final class ParquetFixture {

    /** Scalars of every kind, a list, a list of lists, a struct and a map. */
    static final MessageType ORDERS = MessageTypeParser.parseMessageType("""
            message orders {
              required int64 id;
              optional binary name (STRING);
              optional int64 price (DECIMAL(10,2));
              optional binary total (DECIMAL(30,4));
              optional int64 paid_at (TIMESTAMP(MICROS,true));
              optional int64 local_at (TIMESTAMP(MILLIS,false));
              optional int32 day (DATE);
              optional double score;
              optional float ratio;
              optional boolean active;
              optional int32 small (INTEGER(16,true));
              optional binary raw;
              optional group tags (LIST) {
                repeated group list {
                  optional binary element (STRING);
                }
              }
              optional group matrix (LIST) {
                repeated group list {
                  optional group element (LIST) {
                    repeated group list {
                      optional int32 element;
                    }
                  }
                }
              }
              optional group address {
                optional binary city (STRING);
                optional int32 zip;
              }
              optional group attrs (MAP) {
                repeated group key_value {
                  required binary key (STRING);
                  optional int64 value;
                }
              }
            }
            """);

    private ParquetFixture() {}

    /** Writes {@code rows} rows, each filled by {@code row}, in row groups of at most {@code rowsPerGroup} rows. */
    static Path write(Path file, MessageType schema, int rows, int rowsPerGroup, BiConsumer<Integer, Group> row) {
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupRowCountLimit(rowsPerGroup)
                .withPageSize(1024)
                .build()) {
            for (int i = 1; i <= rows; i++) {
                Group group = groups.newGroup();
                row.accept(i, group);
                writer.write(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Row {@code i} of {@link #ORDERS}: every column set, lists of {@code i % 3} elements, no address on even rows. */
    static void order(int i, Group g) {
        g.add("id", (long) i);
        g.add("name", "order " + i);
        g.add("price", 1999L + i); // 19.99 + i cents
        g.add(
                "total",
                Binary.fromConstantByteArray(new BigDecimal("12345678901234567890.1234")
                        .add(BigDecimal.valueOf(i))
                        .unscaledValue()
                        .toByteArray()));
        Instant paid = Instant.parse("2024-03-01T10:15:30.123456Z").plusSeconds(i);
        g.add("paid_at", paid.getEpochSecond() * 1_000_000L + paid.getNano() / 1_000);
        g.add("local_at", Instant.parse("2024-03-01T08:00:00Z").toEpochMilli() + i);
        g.add("day", (int) LocalDate.of(2024, 3, 1).plusDays(i).toEpochDay());
        g.add("score", i + 0.25);
        g.add("ratio", 0.1f);
        g.add("active", i % 2 == 0);
        g.add("small", -i);
        g.add("raw", Binary.fromConstantByteArray(new byte[] {1, 2, (byte) i}));
        Group tags = g.addGroup("tags");
        for (int t = 0; t < i % 3; t++) {
            tags.addGroup("list").add("element", "t" + t);
        }
        Group matrix = g.addGroup("matrix");
        for (List<Integer> line : List.of(List.of(i, i + 1), List.<Integer>of())) {
            Group lineGroup = matrix.addGroup("list").addGroup("element");
            for (int value : line) {
                lineGroup.addGroup("list").add("element", value);
            }
        }
        if (i % 2 == 1) {
            Group address = g.addGroup("address");
            address.add("city", "Oslo");
            address.add("zip", 150 + i);
        }
        Group attrs = g.addGroup("attrs");
        Group entry = attrs.addGroup("key_value");
        entry.add("key", "k" + i);
        entry.add("value", (long) i * 10);
    }
}
