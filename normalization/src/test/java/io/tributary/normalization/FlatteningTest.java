package io.tributary.normalization;

import static io.tributary.normalization.StreamFixtures.columnNames;
import static io.tributary.normalization.StreamFixtures.record;
import static io.tributary.normalization.StreamFixtures.rowsOf;
import static io.tributary.normalization.StreamFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.naming.NamingConvention;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlatteningTest {

    private static final String ORDERS_SCHEMA = """
            {"type": "object", "properties": {
              "id": {"type": "integer"},
              "a": {"type": "object", "properties": {"b": {"type": "object", "properties": {"c": {"type": "string"}}}}},
              "tags": {"type": "array", "items": {"type": "string"}},
              "contact": {"type": "object", "properties": {
                "phones": {"type": "array", "items": {"type": "object", "properties": {"number": {"type": "string"}}}}}},
              "orders": {"type": "array", "items": {"type": "object", "properties": {
                "no": {"type": "integer"},
                "shipping": {"type": "object", "properties": {"city": {"type": "string"}}},
                "lines": {"type": "array", "items": {"type": "object", "properties": {
                  "sku": {"type": "string"}, "qty": {"type": "integer"}}}}}}}}}
            """;

    private final StreamNormalizer normalizer = StreamFixtures.normalizer("customers", ORDERS_SCHEMA);

    @Test
    void flattensObjectsNestedSeveralLevelsWithUnderscoreJoins() {
        TableRow row = normalizer
                .process(record("{\"a\": {\"b\": {\"c\": \"deep\"}}}"))
                .rows()
                .get(0);
        assertThat(value(row, "a_b_c")).isEqualTo("deep");
        assertThat(row.table().columns().get(row.table().indexOf("a_b_c")).path())
                .containsExactly("a", "b", "c");
    }

    @Test
    void keepsArraysOfScalarsAsAJsonColumn() {
        TableSchema root = normalizer.tables().root();
        assertThat(root.columns().get(root.indexOf("tags")).type()).isEqualTo(ColumnType.JSON);
        TableRow row = normalizer
                .process(record("{\"tags\": [\"vip\", \"new\"]}"))
                .rows()
                .get(0);
        assertThat(value(row, "tags")).isEqualTo("[\"vip\",\"new\"]");
    }

    @Test
    void unnestsArraysInsideFlattenedObjectsIntoChildTables() {
        List<TableRow> rows = normalizer
                .process(record("{\"contact\": {\"phones\": [{\"number\": \"1\"}, {\"number\": \"2\"}]}}"))
                .rows();
        List<TableRow> phones = rowsOf(rows, "customers_contact_phones");
        assertThat(phones).extracting(r -> value(r, "number")).containsExactly("1", "2");
        assertThat(columnNames(phones.get(0).table()))
                .contains("_airbyte_customers_hashid", "_airbyte_contact_phones_hashid");
        assertThat(phones)
                .allSatisfy(p -> assertThat(value(p, "_airbyte_customers_hashid"))
                        .isEqualTo(value(rows.get(0), "_airbyte_customers_hashid")));
    }

    @Test
    void flattensObjectsInsideArrayItemsAndUnnestsTheirArraysIntoGrandchildTables() {
        List<TableRow> rows = normalizer.process(record("""
                {"id": 7, "orders": [
                  {"no": 1, "shipping": {"city": "Lyon"}, "lines": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 1}]},
                  {"no": 2, "lines": [{"sku": "C", "qty": 5}]}]}""")).rows();

        assertThat(normalizer.tables().tables())
                .extracting(TableSchema::name)
                .containsExactly("customers", "customers_contact_phones", "customers_orders", "customers_orders_lines");
        TableSchema orders = normalizer.tables().tables().get(2);
        TableSchema lines = normalizer.tables().tables().get(3);
        assertThat(orders.parent()).isEqualTo("customers");
        assertThat(lines.parent()).isEqualTo("customers_orders");
        assertThat(columnNames(orders))
                .containsExactly(
                        "no",
                        "shipping_city",
                        "_airbyte_customers_hashid",
                        "_airbyte_ab_id",
                        "_airbyte_emitted_at",
                        "_airbyte_normalized_at",
                        "_airbyte_orders_hashid",
                        "_airbyte_meta");
        assertThat(columnNames(lines))
                .containsExactly(
                        "sku",
                        "qty",
                        "_airbyte_orders_hashid",
                        "_airbyte_ab_id",
                        "_airbyte_emitted_at",
                        "_airbyte_normalized_at",
                        "_airbyte_lines_hashid",
                        "_airbyte_meta");

        // Depth first: each order is followed by its lines.
        assertThat(rows)
                .extracting(r -> r.table().name())
                .containsExactly(
                        "customers",
                        "customers_orders",
                        "customers_orders_lines",
                        "customers_orders_lines",
                        "customers_orders",
                        "customers_orders_lines");
        TableRow firstOrder = rows.get(1);
        assertThat(value(firstOrder, "shipping_city")).isEqualTo("Lyon");
        assertThat(rows.subList(2, 4))
                .allSatisfy(line -> assertThat(value(line, "_airbyte_orders_hashid"))
                        .isEqualTo(value(firstOrder, "_airbyte_orders_hashid")));
        assertThat(value(rows.get(5), "_airbyte_orders_hashid"))
                .isEqualTo(value(rows.get(4), "_airbyte_orders_hashid"));
        assertThat(value(rows.get(5), "sku")).isEqualTo("C");
        assertThat(value(rows.get(5), "qty")).isEqualTo(5L);
    }

    @Test
    void givesEveryRowOfARecordTheRecordsAbId() {
        var normalized = normalizer.process(record("{\"orders\": [{\"no\": 1, \"lines\": [{\"sku\": \"A\"}]}]}"));
        assertThat(normalized.rows())
                .hasSize(3)
                .allSatisfy(r -> assertThat(value(r, "_airbyte_ab_id")).isEqualTo(normalized.abId()));
    }

    @Test
    void givesNullColumnsForMissingOrNullObjectsAndNoChildRowsForMissingArrays() {
        List<TableRow> rows = normalizer
                .process(record("{\"id\": 1, \"a\": null, \"orders\": null}"))
                .rows();
        assertThat(rows).hasSize(1);
        assertThat(value(rows.get(0), "a_b_c")).isNull();
        assertThat(value(rows.get(0), "_airbyte_meta")).isEqualTo("{\"changes\":[]}");
        assertThat(normalizer.process(record("{\"orders\": []}")).rows()).hasSize(1);
    }

    @Test
    void skipsNullItemsOfAnArrayOfObjects() {
        List<TableRow> rows =
                normalizer.process(record("{\"orders\": [null, {\"no\": 2}]}")).rows();
        assertThat(rowsOf(rows, "customers_orders"))
                .singleElement()
                .satisfies(r -> assertThat(value(r, "no")).isEqualTo(2L));
    }

    @Test
    void givesEqualItemsOfOneArrayDistinctHashids() {
        List<TableRow> orders = rowsOf(
                normalizer
                        .process(record("{\"orders\": [{\"no\": 1}, {\"no\": 1}]}"))
                        .rows(),
                "customers_orders");
        assertThat(value(orders.get(0), "_airbyte_orders_hashid"))
                .isNotEqualTo(value(orders.get(1), "_airbyte_orders_hashid"));
    }

    @Test
    void givesRecordsThatDifferOnlyInAChildArrayDistinctHashids() {
        Object first = value(
                normalizer
                        .process(record("{\"id\": 1, \"orders\": [{\"no\": 1}]}"))
                        .rows()
                        .get(0),
                "_airbyte_customers_hashid");
        Object second = value(
                normalizer
                        .process(record("{\"id\": 1, \"orders\": [{\"no\": 2}]}"))
                        .rows()
                        .get(0),
                "_airbyte_customers_hashid");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void leavesFieldsOutsideTheSchemaToTheRawRecord() {
        var normalized = normalizer.process(record("{\"id\": 1, \"surprise\": {\"x\": 1}}"));
        assertThat(normalized.rows()).hasSize(1);
        assertThat(normalized.rows().get(0).table().indexOf("surprise")).isEqualTo(-1);
        assertThat(normalized.source().data().has("surprise")).isTrue();
        Object withExtra = value(normalized.rows().get(0), "_airbyte_customers_hashid");
        Object without = value(normalizer.process(record("{\"id\": 1}")).rows().get(0), "_airbyte_customers_hashid");
        assertThat(withExtra).isEqualTo(without);
    }

    @Test
    void keepsObjectsWithoutPropertiesAsJson() {
        StreamNormalizer free = StreamFixtures.normalizer("events", """
                {"type": "object", "properties": {"payload": {"type": "object"}, "items": {"type": "array", "items": {"type": "object"}}}}""");
        assertThat(free.tables().tables()).hasSize(1);
        TableRow row = free.process(record("{\"payload\": {\"k\": [1, 2]}, \"items\": [{\"a\": 1}]}"))
                .rows()
                .get(0);
        assertThat(value(row, "payload")).isEqualTo("{\"k\":[1,2]}");
        assertThat(value(row, "items")).isEqualTo("[{\"a\":1}]");
    }

    @Test
    void keepsObjectsAndArraysNestedDeeperThanMaxDepthAsJson() {
        StreamNormalizer depthOne = Normalization.forStream(
                StreamFixtures.stream("customers", ORDERS_SCHEMA),
                new NormalizationOptions(1, NamingConvention.POSTGRES));
        TableSchema root = depthOne.tables().root();
        assertThat(columnNames(root)).contains("a_b", "contact_phones").doesNotContain("a_b_c");
        assertThat(root.columns().get(root.indexOf("a_b")).type()).isEqualTo(ColumnType.JSON);
        assertThat(depthOne.tables().tables())
                .extracting(TableSchema::name)
                .containsExactly("customers", "customers_orders");
        assertThat(columnNames(depthOne.tables().tables().get(1))).contains("no", "shipping", "lines");
        TableRow row = depthOne.process(record("{\"a\": {\"b\": {\"c\": \"deep\"}}}"))
                .rows()
                .get(0);
        assertThat(value(row, "a_b")).isEqualTo("{\"c\":\"deep\"}");
    }

    @Test
    void keepsEveryNestedValueAsJsonInTheStreamsTableWithMaxDepthZero() {
        StreamNormalizer flat = Normalization.forStream(
                StreamFixtures.stream("customers", ORDERS_SCHEMA),
                new NormalizationOptions(0, NamingConvention.POSTGRES));
        assertThat(flat.tables().tables()).hasSize(1);
        assertThat(columnNames(flat.tables().root())).startsWith("id", "a", "tags", "contact", "orders");
    }

    @Test
    void namesTablesAfterTheDestinationNameAndTheHashidAfterTheStream() {
        var stream = StreamFixtures.stream("customers", StreamFixtures.CUSTOMERS_SCHEMA);
        var prefixed = new io.tributary.connector.catalog.ConfiguredStream(
                stream.stream(),
                stream.syncMode(),
                stream.destinationSyncMode(),
                List.of(),
                List.of(),
                "crm",
                "prod_customers");
        StreamNormalizer normalizer = Normalization.forStream(prefixed, StreamFixtures.OPTIONS);
        assertThat(normalizer.tables().tables())
                .extracting(TableSchema::qualifiedName)
                .containsExactly("crm.prod_customers", "crm.prod_customers_addresses");
        assertThat(columnNames(normalizer.tables().root())).contains("_airbyte_customers_hashid");
    }

    @Test
    void givesAStreamWithoutPropertiesOnlyMetadataColumns() {
        StreamNormalizer empty = StreamFixtures.normalizer("raw_only", "{\"type\": \"object\"}");
        assertThat(columnNames(empty.tables().root()))
                .containsExactly(
                        "_airbyte_ab_id",
                        "_airbyte_emitted_at",
                        "_airbyte_normalized_at",
                        "_airbyte_raw_only_hashid",
                        "_airbyte_meta");
        assertThat(empty.process(record("{\"anything\": 1}")).rows()).hasSize(1);
    }
}
