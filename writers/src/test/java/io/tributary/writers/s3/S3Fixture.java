package io.tributary.writers.s3;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.batch.infrastructure.item.Chunk;
import tools.jackson.databind.node.JsonNodeFactory;

/** The stream the S3 tests load: {@code shop.customers} with child table {@code customers_addresses}. */
final class S3Fixture {

    static final TableSchema CUSTOMERS = new TableSchema(
            "customers",
            "shop",
            List.of(
                    Column.of("id", ColumnType.INTEGER),
                    Column.of("name", ColumnType.STRING),
                    new Column("balance", List.of("balance"), ColumnType.NUMBER, 20, 4),
                    Column.of("born", ColumnType.DATE),
                    Column.of("updated_at", ColumnType.TIMESTAMP_TZ),
                    Column.of("notes", ColumnType.STRING),
                    Column.metadata("_airbyte_ab_id", ColumnType.STRING)),
            List.of("id"),
            null);
    static final TableSchema ADDRESSES = new TableSchema(
            "customers_addresses",
            "shop",
            List.of(
                    Column.metadata("_airbyte_customers_hashid", ColumnType.STRING),
                    Column.of("customer_id", ColumnType.INTEGER),
                    Column.of("city", ColumnType.STRING)),
            List.of(),
            "customers");
    static final StreamTables TABLES = new StreamTables(List.of(CUSTOMERS, ADDRESSES));

    private S3Fixture() {}

    static ConfiguredStream stream(DestinationSyncMode mode) {
        Stream stream = new Stream(
                "customers",
                "shop",
                JsonNodeFactory.instance.objectNode(),
                List.of(SyncMode.FULL_REFRESH),
                false,
                List.of(),
                List.of(List.of("id")),
                List.of());
        return new ConfiguredStream(
                stream, SyncMode.FULL_REFRESH, mode, List.of(), List.of(List.of("id")), "shop", "customers");
    }

    static StreamLoader loader(Map<String, Object> rawConfig, DestinationSyncMode mode, long syncId) {
        S3Destination destination = new S3Destination();
        return destination.loader(
                destination.spec().validate(rawConfig, "test"), stream(mode), TABLES, new LoadContext("crm", syncId));
    }

    static BigDecimal balance(long id) {
        return new BigDecimal(id + ".0" + (id % 10) + "5").negate();
    }

    /**
     * Customers {@code from} to {@code to - 1}, each with one address ({@code city = "City <id>"}) and a
     * {@code notes} value of {@code noteBytes} random letters (incompressible, to make files large).
     */
    static Chunk<NormalizedRecord> customers(long from, long to, int noteBytes) {
        Random random = new Random(from);
        List<NormalizedRecord> records = new ArrayList<>();
        for (long id = from; id < to; id++) {
            StringBuilder notes = new StringBuilder(noteBytes);
            for (int i = 0; i < noteBytes; i++) {
                notes.append((char) ('a' + random.nextInt(26)));
            }
            String abId = "ab-" + id;
            Object[] customer = {
                id,
                "Zoë Ünïcødé 東京 " + id,
                balance(id),
                LocalDate.of(1980, 1, 1).plusDays(id % 9000),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1)).plusSeconds(id),
                id % 7 == 0 ? null : notes.toString(),
                abId
            };
            records.add(new NormalizedRecord(
                    new SourceRecord(JsonNodeFactory.instance.objectNode().put("id", id), 0L),
                    abId,
                    List.of(
                            new TableRow(CUSTOMERS, customer),
                            new TableRow(ADDRESSES, new Object[] {"h" + id, id, "City " + id}))));
        }
        return new Chunk<>(records);
    }
}
