package io.tributary.normalization;

import static io.tributary.normalization.StreamFixtures.columnNames;
import static io.tributary.normalization.StreamFixtures.record;
import static io.tributary.normalization.StreamFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.naming.NamingConvention;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnNamingTest {

    private static final NamingConvention NAMING = NamingConvention.POSTGRES;

    @Test
    void letsATopLevelFieldKeepItsNameWhenAFlattenedPathCollidesWithIt() {
        String hashed = "a_b_" + NamingConvention.hash("a&airbyte&b", 3);
        for (String schema : List.of(
                "{\"properties\": {\"a\": {\"type\": \"object\", \"properties\": {\"b\": {\"type\": \"string\"}}}, \"a_b\": {\"type\": \"string\"}}}",
                "{\"properties\": {\"a_b\": {\"type\": \"string\"}, \"a\": {\"type\": \"object\", \"properties\": {\"b\": {\"type\": \"string\"}}}}}")) {
            StreamNormalizer normalizer = StreamFixtures.normalizer("t", schema);
            TableSchema table = normalizer.tables().root();
            assertThat(columnOf(table, List.of("a_b")).name()).isEqualTo("a_b");
            assertThat(columnOf(table, List.of("a", "b")).name()).isEqualTo(hashed);
            TableRow row = normalizer
                    .process(record("{\"a_b\": \"top\", \"a\": {\"b\": \"nested\"}}"))
                    .rows()
                    .get(0);
            assertThat(value(row, "a_b")).isEqualTo("top");
            assertThat(value(row, hashed)).isEqualTo("nested");
        }
    }

    @Test
    void sanitizesFieldNamesForTheDestination() {
        TableSchema table =
                StreamFixtures.normalizer("Web Events", """
                {"properties": {"First Name": {"type": "string"}, "1st-visit": {"type": "string"}, "Prénom": {"type": "string"}}}""").tables().root();
        assertThat(table.name()).isEqualTo("web_events");
        assertThat(columnNames(table)).startsWith("first_name", "_1st_visit", "prenom");
        assertThat(columnNames(table)).contains("_airbyte_web_events_hashid");
        assertThat(columnOf(table, List.of("First Name")).path()).containsExactly("First Name");
    }

    @Test
    void cutsLongFlattenedNamesInTheMiddleAsAirbyteDid() {
        TableSchema table = StreamFixtures.normalizer("t", """
                {"properties": {"nested_stream_with_complex_columns": {"type": "object", "properties": {
                  "resulting_into_long_names": {"type": "string"}}}}}""").tables().root();
        assertThat(columnNames(table)).startsWith("nested_stream_with_c__lting_into_long_names");
    }

    @Test
    void keepsLongNamesThatCutToTheSameTextApart() {
        String prefix = "customer_preferences_for_marketing_communications_";
        TableSchema table = StreamFixtures.normalizer(
                        "t",
                        "{\"properties\": {\"" + prefix + "email_channel_enabled\": {\"type\": \"boolean\"}, \""
                                + prefix + "sms_channel_enabled\": {\"type\": \"boolean\"}}}")
                .tables()
                .root();
        List<String> names = columnNames(table).subList(0, 2);
        assertThat(names.get(0)).isEqualTo(NAMING.identifier(prefix + "email_channel_enabled"));
        assertThat(names.get(1)).isNotEqualTo(names.get(0)).hasSizeLessThanOrEqualTo(43);
    }

    @Test
    void keepsFieldsDifferingOnlyInCaseApart() {
        TableSchema table = StreamFixtures.normalizer("t", """
                {"properties": {"name": {"type": "string"}, "Name": {"type": "string"}, "NAME": {"type": "string"}}}""").tables().root();
        assertThat(columnNames(table).subList(0, 3)).doesNotHaveDuplicates().startsWith("name");
    }

    @Test
    void givesFieldsNamedLikeMetadataColumnsOtherNames() {
        StreamNormalizer normalizer = StreamFixtures.normalizer("t", """
                {"properties": {"_airbyte_ab_id": {"type": "string"}, "_airbyte_t_hashid": {"type": "string"}}}""");
        TableSchema table = normalizer.tables().root();
        assertThat(columnOf(table, List.of("_airbyte_ab_id")).name()).startsWith("_airbyte_ab_id_");
        assertThat(columnOf(table, List.of("_airbyte_t_hashid")).name()).startsWith("_airbyte_t_hashid_");
        var normalized = normalizer.process(record("{\"_airbyte_ab_id\": \"from the source\"}"));
        assertThat(value(normalized.rows().get(0), "_airbyte_ab_id")).isEqualTo(normalized.abId());
        assertThat(value(
                        normalized.rows().get(0),
                        columnOf(table, List.of("_airbyte_ab_id")).name()))
                .isEqualTo("from the source");
    }

    @Test
    void givesAChildTheSameNameAsItsStreamADistinctOwnHashid() {
        StreamNormalizer normalizer = StreamFixtures.normalizer("items", """
                {"properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"x": {"type": "integer"}}}}}}""");
        TableSchema child = normalizer.tables().tables().get(1);
        assertThat(child.name()).isEqualTo("items_items");
        List<String> names = columnNames(child);
        assertThat(names).contains("_airbyte_items_hashid").doesNotHaveDuplicates();
        String own = names.get(names.size() - 2);
        assertThat(own).isEqualTo("_airbyte_items_items_hashid");
        List<TableRow> rows =
                normalizer.process(record("{\"items\": [{\"x\": 1}]}")).rows();
        assertThat(value(rows.get(1), "_airbyte_items_hashid")).isEqualTo(value(rows.get(0), "_airbyte_items_hashid"));
        assertThat(value(rows.get(1), own)).isNotEqualTo(value(rows.get(0), "_airbyte_items_hashid"));
    }

    @Test
    void namesACollidingChildTableWithAirbytesHashedNestedName() {
        StreamNormalizer normalizer = StreamFixtures.normalizer("shop", """
                {"properties": {
                  "a_b": {"type": "array", "items": {"type": "object", "properties": {"x": {"type": "integer"}}}},
                  "a": {"type": "object", "properties": {
                    "b": {"type": "array", "items": {"type": "object", "properties": {"y": {"type": "integer"}}}}}}}}""");
        assertThat(normalizer.tables().tables())
                .extracting(TableSchema::name)
                .containsExactly("shop", "shop_a_b", NAMING.nestedTableName("public", List.of("shop", "a", "b")));
        assertThat(normalizer.tables().tables().get(2).name())
                .isEqualTo("shop_a_" + NamingConvention.hash("public&airbyte&shop&airbyte&a&airbyte&b", 3) + "_b");
        List<TableRow> rows = normalizer
                .process(record("{\"a_b\": [{\"x\": 1}], \"a\": {\"b\": [{\"y\": 2}]}}"))
                .rows();
        assertThat(rows)
                .extracting(r -> r.table().name())
                .containsExactly(
                        "shop", "shop_a_b", normalizer.tables().tables().get(2).name());
    }

    @Test
    void cutsLongChildTableNamesAsAirbyteDid() {
        StreamNormalizer normalizer =
                StreamFixtures.normalizer("nested_stream_with_complex_columns_resulting_into_long_names", """
                {"properties": {"partition": {"type": "array", "items": {"type": "object", "properties": {"x": {"type": "integer"}}}}}}""");
        assertThat(normalizer.tables().tables())
                .extracting(TableSchema::name)
                .containsExactly(
                        "nested_stream_with_c__lting_into_long_names", "nested_stream_with_c___long_names_partition");
    }

    @Test
    void usesTheLongerLimitsOfFiles() {
        StreamNormalizer normalizer = Normalization.forStream(
                StreamFixtures.stream("t", """
                {"properties": {"nested_stream_with_complex_columns": {"type": "object", "properties": {
                  "resulting_into_long_names": {"type": "string"}}}}}"""), NormalizationOptions.defaults(NamingConvention.FILES));
        assertThat(columnNames(normalizer.tables().root()))
                .startsWith("nested_stream_with_complex_columns_resulting_into_long_names");
    }

    private static Column columnOf(TableSchema table, List<String> path) {
        return table.columns().stream()
                .filter(c -> c.path().equals(path))
                .findFirst()
                .orElseThrow();
    }
}
