package io.tributary.readers.postgres.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
        fx.db.execute("CREATE TABLE items (id int PRIMARY KEY, name text, price numeric(10,2), seen timestamptz)",
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

        fx.db.execute("INSERT INTO items VALUES (3, 'three', 3.25, '2024-02-01 00:00:00.123456+00')",
                "UPDATE items SET name = 'uno' WHERE id = 1",
                "DELETE FROM items WHERE id = 2",
                "UPDATE items SET id = 30 WHERE id = 3");
        List<SourceRecord> changes = sync(stream);
        assertThat(changes).extracting(r -> columns(r).toString())
                .containsExactly(
                        "{\"id\":3,\"name\":\"three\",\"price\":3.25,\"seen\":\"2024-02-01T00:00:00.123456Z\"}",
                        "{\"id\":1,\"name\":\"uno\",\"price\":1.50,\"seen\":\"2024-01-01T10:00:00Z\"}",
                        "{\"id\":2}",
                        "{\"id\":3}",
                        "{\"id\":30,\"name\":\"three\",\"price\":3.25,\"seen\":\"2024-02-01T00:00:00.123456Z\"}");
        assertThat(changes).extracting(r -> r.data().get(CdcCatalog.DELETED_AT).isNull())
                .containsExactly(true, true, false, false, true);
        assertThat(changes).extracting(r -> r.data().get(CdcCatalog.LSN).asLong()).isSorted()
                .allSatisfy(lsn -> assertThat(lsn).isGreaterThan(one.get(CdcCatalog.LSN).asLong()));
        assertThat(changes.get(2).data().get(CdcCatalog.DELETED_AT).asString())
                .isEqualTo(changes.get(2).data().get(CdcCatalog.UPDATED_AT).asString());

        fx.db.execute("TRUNCATE items");
        List<SourceRecord> truncate = sync(stream);
        assertThat(truncate).hasSize(1);
        JsonNode marker = truncate.get(0).data();
        assertThat(marker.propertyNames()).containsExactlyInAnyOrder(CdcCatalog.LSN, CdcCatalog.UPDATED_AT, CdcCatalog.DELETED_AT);
        assertThat(marker.get(CdcCatalog.DELETED_AT).isNull()).isFalse();

        assertThat(sync(stream)).as("nothing changed since").isEmpty();
    }
}
