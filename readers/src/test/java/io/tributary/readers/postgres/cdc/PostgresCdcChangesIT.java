package io.tributary.readers.postgres.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What each kind of change becomes: the records of inserts, updates, deletes, truncates, TOAST, rollbacks, new columns. */
class PostgresCdcChangesIT {

    private CdcFixture fx;
    private final Map<String, Object> state = new HashMap<>();

    @BeforeEach
    void createDatabase() {
        fx = new CdcFixture("cdc_changes");
    }

    @AfterEach
    void dropDatabase() {
        fx.close();
    }

    private List<SourceRecord> sync(ConfiguredStream stream) throws Exception {
        return fx.sync(stream, state, 100);
    }

    /** The record's table columns, without the CDC fields. */
    static JsonNode columns(SourceRecord record) {
        ObjectNode copy = record.data().deepCopy();
        copy.remove(List.of(CdcCatalog.LSN, CdcCatalog.UPDATED_AT, CdcCatalog.DELETED_AT));
        return copy;
    }

    @Test
    void theFirstSyncCopiesTheTableAndLaterSyncsCarryInsertsUpdatesDeletesAndTruncates() throws Exception {
        fx.db.execute(
                "CREATE TABLE items (id int PRIMARY KEY, name text, price numeric(10,2), seen timestamptz)",
                "INSERT INTO items VALUES (1, 'one', 1.50, '2024-01-01 10:00+00'), (2, 'two', 2.00, NULL)");
        ConfiguredStream stream = fx.cdc("items");

        List<SourceRecord> first = sync(stream);
        assertThat(first).hasSize(2);
        JsonNode one = first.get(0).data();
        assertThat(one.get("id").asInt()).isEqualTo(1);
        assertThat(one.get("price").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(one.get("seen").asString()).isEqualTo("2024-01-01T10:00:00Z");
        assertThat(one.get(CdcCatalog.LSN).isIntegralNumber()).isTrue();
        assertThat(one.get(CdcCatalog.UPDATED_AT).asString()).endsWith("Z");
        assertThat(one.get(CdcCatalog.DELETED_AT).isNull()).isTrue();

        fx.db.execute(
                "INSERT INTO items VALUES (3, 'three', 3.25, '2024-02-01 00:00:00.123456+00')",
                "UPDATE items SET name = 'uno' WHERE id = 1",
                "DELETE FROM items WHERE id = 2",
                "UPDATE items SET id = 30 WHERE id = 3");
        List<SourceRecord> changes = sync(stream);
        assertThat(changes)
                .extracting(r -> columns(r).toString())
                .containsExactly(
                        "{\"id\":3,\"name\":\"three\",\"price\":3.25,\"seen\":\"2024-02-01T00:00:00.123456Z\"}",
                        "{\"id\":1,\"name\":\"uno\",\"price\":1.50,\"seen\":\"2024-01-01T10:00:00Z\"}",
                        "{\"id\":2}",
                        "{\"id\":3}",
                        "{\"id\":30,\"name\":\"three\",\"price\":3.25,\"seen\":\"2024-02-01T00:00:00.123456Z\"}");
        assertThat(changes)
                .extracting(r -> r.data().get(CdcCatalog.DELETED_AT).isNull())
                .containsExactly(true, true, false, false, true);
        assertThat(changes)
                .extracting(r -> r.data().get(CdcCatalog.LSN).asLong())
                .isSorted()
                .allSatisfy(lsn ->
                        assertThat(lsn).isGreaterThan(one.get(CdcCatalog.LSN).asLong()));
        assertThat(changes.get(2).data().get(CdcCatalog.DELETED_AT).asString())
                .isEqualTo(changes.get(2).data().get(CdcCatalog.UPDATED_AT).asString());

        fx.db.execute("TRUNCATE items");
        List<SourceRecord> truncate = sync(stream);
        assertThat(truncate).hasSize(1);
        JsonNode marker = truncate.get(0).data();
        assertThat(marker.propertyNames())
                .containsExactlyInAnyOrder(CdcCatalog.LSN, CdcCatalog.UPDATED_AT, CdcCatalog.DELETED_AT);
        assertThat(marker.get(CdcCatalog.DELETED_AT).isNull()).isFalse();

        assertThat(sync(stream)).as("nothing changed since").isEmpty();
    }

    @Test
    void anUpdateThatLeavesALargeToastedValueAloneOmitsItInsteadOfSendingNull() throws Exception {
        fx.db.execute(
                "CREATE TABLE docs (id int PRIMARY KEY, title text, body text)",
                // random text does not compress: stored out of line (TOAST), and not resent when unchanged
                "INSERT INTO docs SELECT 1, 'first', string_agg(md5(random()::text), '') FROM generate_series(1, 2000)");
        ConfiguredStream stream = fx.cdc("docs");
        String body = (String) fx.db.queryValue("SELECT body FROM docs WHERE id = 1");
        assertThat(sync(stream).get(0).data().get("body").asString()).isEqualTo(body);

        fx.db.execute(
                "UPDATE docs SET title = 'renamed' WHERE id = 1", "UPDATE docs SET body = 'short now' WHERE id = 1");
        List<SourceRecord> changes = sync(stream);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).data().get("title").asString()).isEqualTo("renamed");
        assertThat(changes.get(0).data().has("body"))
                .as("unchanged TOASTed value left out, not null")
                .isFalse();
        assertThat(changes.get(1).data().get("body").asString()).isEqualTo("short now");
    }

    @Test
    void withFullReplicaIdentityAnUpdateCarriesTheUnchangedToastedValueFromTheOldRow() throws Exception {
        fx.db.execute(
                "CREATE TABLE docs (id int PRIMARY KEY, title text, body text)",
                "ALTER TABLE docs REPLICA IDENTITY FULL",
                "INSERT INTO docs SELECT 1, 'first', string_agg(md5(random()::text), '') FROM generate_series(1, 2000)");
        ConfiguredStream stream = fx.cdc("docs");
        String body = (String) fx.db.queryValue("SELECT body FROM docs WHERE id = 1");
        sync(stream);

        fx.db.execute("UPDATE docs SET title = 'renamed' WHERE id = 1", "DELETE FROM docs");
        List<SourceRecord> changes = sync(stream);
        assertThat(changes.get(0).data().get("body").asString()).isEqualTo(body);
        assertThat(changes.get(1).data().get("body").asString())
                .as("a delete carries the whole old row")
                .isEqualTo(body);
    }

    @Test
    void aRolledBackTransactionEmitsNothing() throws Exception {
        fx.db.execute("CREATE TABLE items (id int PRIMARY KEY, name text)", "INSERT INTO items VALUES (1, 'one')");
        ConfiguredStream stream = fx.cdc("items");
        sync(stream);

        try (Connection c = fx.db.connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO items VALUES (2, 'two')");
            s.execute("UPDATE items SET name = 'changed' WHERE id = 1");
            s.execute("DELETE FROM items WHERE id = 1");
            c.rollback();
            s.execute("INSERT INTO items VALUES (3, 'three')");
            c.commit();
        }
        assertThat(sync(stream))
                .extracting(r -> columns(r).toString())
                .containsExactly("{\"id\":3,\"name\":\"three\"}");
    }

    @Test
    void aColumnAddedWhileStreamingArrivesWithItsTypeInTheFollowingRecords() throws Exception {
        fx.db.execute("CREATE TABLE items (id int PRIMARY KEY, name text)", "INSERT INTO items VALUES (1, 'one')");
        ConfiguredStream stream = fx.cdc("items");
        sync(stream);

        fx.settings.put("streaming_seconds", 2);
        ItemStreamReader<SourceRecord> reader = fx.reader(stream, Map.copyOf(state));
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        List<SourceRecord> records = new ArrayList<>();
        try {
            // after the reader looked the table up: the new column is known from pgoutput's relation message only
            fx.db.execute(
                    "INSERT INTO items VALUES (2, 'two')",
                    "ALTER TABLE items ADD COLUMN price numeric(8,2)",
                    "INSERT INTO items VALUES (3, 'three', 9.90)",
                    "UPDATE items SET price = 1.05 WHERE id = 1");
            for (SourceRecord r = reader.read(); r != null; r = reader.read()) {
                records.add(r);
            }
        } finally {
            reader.close();
        }
        assertThat(records)
                .extracting(r -> columns(r).toString())
                .containsExactly(
                        "{\"id\":2,\"name\":\"two\"}",
                        "{\"id\":3,\"name\":\"three\",\"price\":9.90}",
                        "{\"id\":1,\"name\":\"one\",\"price\":1.05}");
        assertThat(records.get(1).data().get("price").isBigDecimal()).isTrue();
    }

    @Test
    void changesCarryTheSameValuesAsTheInitialCopyForEveryColumnType() throws Exception {
        fx.db.execute(
                "CREATE TYPE mood AS ENUM ('sad', 'happy')",
                "CREATE TABLE zoo (id int PRIMARY KEY, i2 int2, i4 int4, i8 int8, n numeric(12,4), f4 real, f8 double precision, "
                        + "m money, b bool, t text, vc varchar(20), ch char(3), d date, tm time, ttz timetz, ts timestamp, "
                        + "tstz timestamptz, iv interval, u uuid, j json, jb jsonb, by bytea, ai int[], at text[], e mood, "
                        + "ip inet, r int4range)");
        String values = "-2, 40000, 9000000000, 12345678.1234, 1.5, 0.1, -1234.56, true, 'tab\there é', 'v', 'ab', "
                + "'0044-03-15 BC', '23:59:59.999999', '10:00+05', '2024-02-29 12:00:00.5', '2024-02-29 12:00+02', "
                + "'1 year 2 mons 3 days 04:05:06', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": 1.50}', "
                + "'{\"b\": [1, \"x\", null]}', '\\x00ff', '{1,NULL,3}', '{\"a b\",\"c,d\"}', 'happy', '10.0.0.1/8', '[1,5)'";
        fx.db.execute("INSERT INTO zoo VALUES (1, " + values + ")", "INSERT INTO zoo (id) VALUES (2)");
        ConfiguredStream stream = fx.cdc("zoo");
        List<SourceRecord> copied = sync(stream);

        fx.db.execute("INSERT INTO zoo VALUES (3, " + values + ")", "INSERT INTO zoo (id) VALUES (4)");
        List<SourceRecord> streamed = sync(stream);
        assertThat(streamed).hasSize(2);
        for (int i = 0; i < 2; i++) {
            ObjectNode fromCopy = (ObjectNode) columns(copied.get(i));
            ObjectNode fromStream = (ObjectNode) columns(streamed.get(i));
            fromCopy.remove("id");
            fromStream.remove("id");
            assertThat(fromStream.toString()).isEqualTo(fromCopy.toString());
        }
        assertThat(streamed.get(0).data().get("m").decimalValue()).isEqualByComparingTo("-1234.56");
    }
}
