package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.json;
import static io.tributary.readers.file.FileSourceFixture.readAll;
import static io.tributary.readers.file.FileSourceFixture.texts;
import static io.tributary.readers.file.FileSourceFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.testsupport.http.TestHttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;

class FileSourceParquetTest {

    @TempDir
    Path dir;

    private final FileSource source = new FileSource();

    private Path orders(int rows) {
        return ParquetFixture.write(
                dir.resolve("orders.parquet"), ParquetFixture.ORDERS, rows, 1_000, ParquetFixture::order);
    }

    @Test
    void mapsTheFileSchemaToJsonSchemaWithoutReadingRows() {
        Path file = orders(3);

        JsonNode properties = source.discover(config("url", file.toString()))
                .streams()
                .get(0)
                .jsonSchema()
                .get("properties");

        assertThat(properties.propertyNames())
                .containsExactly(
                        "id",
                        "name",
                        "price",
                        "total",
                        "paid_at",
                        "local_at",
                        "day",
                        "score",
                        "ratio",
                        "active",
                        "small",
                        "raw",
                        "tags",
                        "matrix",
                        "address",
                        "attrs");
        assertThat(properties).isEqualTo(json("""
                {"id": {"type": ["null", "integer"]},
                 "name": {"type": ["null", "string"]},
                 "price": {"type": ["null", "number"], "precision": 10, "scale": 2},
                 "total": {"type": ["null", "number"], "precision": 30, "scale": 4},
                 "paid_at": {"type": ["null", "string"], "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
                 "local_at": {"type": ["null", "string"], "format": "date-time", "airbyte_type": "timestamp_without_timezone"},
                 "day": {"type": ["null", "string"], "format": "date"},
                 "score": {"type": ["null", "number"]},
                 "ratio": {"type": ["null", "number"]},
                 "active": {"type": ["null", "boolean"]},
                 "small": {"type": ["null", "integer"]},
                 "raw": {"type": ["null", "string"], "contentEncoding": "base64"},
                 "tags": {"type": ["null", "array"], "items": {"type": ["null", "string"]}},
                 "matrix": {"type": ["null", "array"], "items": {"type": ["null", "array"], "items": {"type": ["null", "integer"]}}},
                 "address": {"type": ["null", "object"], "properties": {
                    "city": {"type": ["null", "string"]}, "zip": {"type": ["null", "integer"]}}},
                 "attrs": {"type": ["null", "object"], "additionalProperties": {"type": ["null", "integer"]}}}"""));
    }

    @Test
    void readsTopLevelColumnsAsTypedValues() throws Exception {
        Path file = orders(1);

        SourceRecord record = readRecords(config("url", file.toString())).get(0);

        assertThat(record.isTyped()).isTrue();
        assertThat(record.get("id")).isEqualTo(1L);
        assertThat(record.get("name")).isEqualTo("order 1");
        assertThat(record.get("price")).isEqualTo(new BigDecimal("20.00"));
        assertThat(record.get("total")).isEqualTo(new BigDecimal("12345678901234567891.1234"));
        assertThat(record.get("paid_at"))
                .isEqualTo(OffsetDateTime.of(2024, 3, 1, 10, 15, 31, 123_456_000, ZoneOffset.UTC));
        assertThat(record.get("local_at")).isEqualTo(LocalDateTime.of(2024, 3, 1, 8, 0, 0, 1_000_000));
        assertThat(record.get("day")).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(record.get("score")).isEqualTo(1.25);
        assertThat(record.get("ratio")).isEqualTo(0.1);
        assertThat(record.get("active")).isEqualTo(false);
        assertThat(record.get("small")).isEqualTo(-1L);
        assertThat((byte[]) record.get("raw")).containsExactly(1, 2, 1);
    }

    @Test
    void readsNestedListsStructsAndMapsAsJson() {
        Path file = orders(3);

        List<String> nested = readAll(source, config("url", file.toString())).stream()
                .map(r -> r.get("tags") + " " + r.get("matrix") + " " + r.get("address") + " " + r.get("attrs"))
                .toList();

        assertThat(nested)
                .containsExactly(
                        "[\"t0\"] [[1,2],[]] {\"city\":\"Oslo\",\"zip\":151} {\"k1\":10}",
                        "[\"t0\",\"t1\"] [[2,3],[]] null {\"k2\":20}",
                        "[] [[3,4],[]] {\"city\":\"Oslo\",\"zip\":153} {\"k3\":30}");
    }

    @Test
    void readsEveryRowOfEveryRowGroup() {
        Path file = ParquetFixture.write(
                dir.resolve("many.parquet"), ParquetFixture.ORDERS, 2_500, 300, ParquetFixture::order);

        List<Long> ids = readAll(source, config("url", file.toString())).stream()
                .map(r -> r.get("id").asLong())
                .toList();

        assertThat(ids).hasSize(2_500).startsWith(1L, 2L).endsWith(2_499L, 2_500L);
    }

    @Test
    void readsACompressedParquetFileThroughATemporaryCopy() throws IOException {
        Path plain = orders(2);
        Path gzipped = dir.resolve("copy.parquet.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            Files.copy(plain, out);
        }

        assertThat(texts(readAll(source, config("url", gzipped.toString()))))
                .isEqualTo(texts(readAll(source, config("url", plain.toString()))));
    }

    @Test
    void downloadsAParquetFileServedOverHttpToATemporaryFile() throws IOException {
        Path plain = orders(2);
        try (TestHttpServer http = TestHttpServer.start()) {
            http.serveBytes("/exports/orders.parquet", Files.readAllBytes(plain), "application/octet-stream");

            assertThat(texts(readAll(
                            source,
                            config("url", http.uri("/exports/orders.parquet").toString()))))
                    .isEqualTo(texts(readAll(source, config("url", plain.toString()))));
        }
    }

    @Test
    void readsAFileWithoutRowsAsNoRecordsAndStillDeclaresItsColumns() {
        Path file =
                ParquetFixture.write(dir.resolve("none.parquet"), ParquetFixture.ORDERS, 0, 10, ParquetFixture::order);

        assertThat(readAll(source, config("url", file.toString()))).isEmpty();
        assertThat(source.discover(config("url", file.toString()))
                        .streams()
                        .get(0)
                        .jsonSchema()
                        .get("properties")
                        .propertyNames())
                .hasSize(16);
    }

    @Test
    void readsLegacyAndLessCommonTypesAsTheirValues() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("""
                message legacy {
                  optional int96 spark_ts;
                  optional int32 t_ms (TIME(MILLIS,false));
                  optional int64 t_us (TIME(MICROS,true));
                  optional int64 ts_ns (TIMESTAMP(NANOS,true));
                  optional fixed_len_byte_array(16) id (UUID);
                  optional int64 big (INTEGER(64,false));
                  optional group old_list (LIST) {
                    repeated int32 array;
                  }
                  repeated binary labels (STRING);
                  optional double nan;
                }
                """);
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        Path file = ParquetFixture.write(dir.resolve("legacy.parquet"), schema, 1, 10, (i, g) -> {
            g.add(
                    "spark_ts",
                    new NanoTime((int) (LocalDate.of(2024, 3, 1).toEpochDay() + 2_440_588), 43_200_000_000_000L));
            g.add("t_ms", 3_723_004);
            g.add("t_us", 3_723_004_005L);
            g.add("ts_ns", Instant.parse("2024-03-01T00:00:00Z").getEpochSecond() * 1_000_000_000L + 1);
            g.add(
                    "id",
                    Binary.fromConstantByteArray(ByteBuffer.allocate(16)
                            .putLong(uuid.getMostSignificantBits())
                            .putLong(uuid.getLeastSignificantBits())
                            .array()));
            g.add("big", -1L);
            Group list = g.addGroup("old_list");
            list.add("array", 1);
            list.add("array", 2);
            g.add("labels", "a");
            g.add("labels", "b");
            g.add("nan", Double.NaN);
        });

        JsonNode properties = source.discover(config("url", file.toString()))
                .streams()
                .get(0)
                .jsonSchema()
                .get("properties");
        SourceRecord record = readRecords(config("url", file.toString())).get(0);

        assertThat(properties.get("t_us"))
                .isEqualTo(
                        json(
                                "{\"type\": [\"null\", \"string\"], \"format\": \"time\", \"airbyte_type\": \"time_with_timezone\"}"));
        assertThat(properties.get("big"))
                .isEqualTo(json("{\"type\": [\"null\", \"integer\"], \"airbyte_type\": \"big_integer\"}"));
        assertThat(properties.get("old_list"))
                .isEqualTo(json("{\"type\": [\"null\", \"array\"], \"items\": {\"type\": [\"null\", \"integer\"]}}"));
        assertThat(properties.get("labels"))
                .isEqualTo(json("{\"type\": [\"null\", \"array\"], \"items\": {\"type\": [\"null\", \"string\"]}}"));
        assertThat(record.get("spark_ts")).isEqualTo(OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC));
        assertThat(record.get("t_ms")).isEqualTo(LocalTime.of(1, 2, 3, 4_000_000));
        assertThat(record.get("t_us")).isEqualTo(OffsetTime.of(1, 2, 3, 4_005_000, ZoneOffset.UTC));
        assertThat(record.get("ts_ns")).isEqualTo(OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 1, ZoneOffset.UTC));
        assertThat(record.get("id")).isEqualTo(uuid.toString());
        assertThat(record.get("big")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(record.get("old_list").toString()).isEqualTo("[1,2]");
        assertThat(record.get("labels").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(record.get("nan")).as("NaN has no JSON number: kept as text").isEqualTo("NaN");
    }

    @Test
    void failsClearlyOnAFileThatIsNotParquet() {
        Path file = write(dir.resolve("fake.parquet"), "id,name\n1,Ada\n");

        assertThatThrownBy(() -> source.discover(config("url", file.toString())))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageStartingWith(file + ": not a readable Parquet file");
    }

    private List<SourceRecord> readRecords(ConnectorConfig config) throws Exception {
        ItemStreamReader<SourceRecord> reader =
                source.reader(config, FileSourceFixture.configured(source, config), Map.of());
        List<SourceRecord> records = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            for (SourceRecord r = reader.read(); r != null; r = reader.read()) {
                records.add(r);
            }
        } finally {
            reader.close();
        }
        return records;
    }
}
