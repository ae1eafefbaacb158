package io.tributary.normalization.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.schema.ColumnType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class JsonSchemaReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type": "integer"}                                                                   | INTEGER
            {"type": ["null", "integer"]}                                                         | INTEGER
            {"type": "number"}                                                                    | NUMBER
            {"type": "number", "airbyte_type": "integer"}                                         | INTEGER
            {"type": "integer", "airbyte_type": "big_integer"}                                    | NUMBER
            {"type": "boolean"}                                                                   | BOOLEAN
            {"type": "string"}                                                                    | STRING
            {"type": "string", "contentEncoding": "base64"}                                       | STRING
            {"type": "string", "format": "date"}                                                  | DATE
            {"type": "string", "format": "date-time"}                                             | TIMESTAMP_TZ
            {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"}  | TIMESTAMP_TZ
            {"type": "string", "format": "date-time", "airbyte_type": "timestamp_without_timezone"} | TIMESTAMP
            {"type": "string", "format": "time"}                                                  | TIME
            {"type": "string", "format": "time", "airbyte_type": "time_without_timezone"}         | TIME
            {"type": "string", "format": "time", "airbyte_type": "time_with_timezone"}            | TIME_TZ
            {"type": "null"}                                                                      | STRING
            {"anyOf": [{"type": "null"}, {"type": "string", "format": "date"}]}                   | DATE
            {"anyOf": [{"type": "integer"}, {"type": "number"}]}                                  | NUMBER
            {"type": ["integer", "number"]}                                                       | NUMBER
            {"oneOf": [{"type": "string"}, {"type": "integer"}]}                                  | STRING
            {"type": ["boolean", "integer"]}                                                      | STRING
            {"anyOf": [{"type": "string", "format": "date"}, {"type": "string"}]}                 | STRING
            """)
    void mapsScalarSchemasToColumnTypes(String schema, ColumnType expected) {
        assertThat(field(schema)).isEqualTo(FieldSchema.Scalar.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {}
            true
            {"description": "anything"}
            {"allOf": [{"type": "object"}, {"properties": {"a": {"type": "string"}}}]}
            {"anyOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, {"type": "string"}]}
            {"type": ["array", "object"]}
            """)
    void keepsValuesOfUnknownOrMixedContainerTypesAsJson(String schema) {
        assertThat(field(schema)).isEqualTo(FieldSchema.ANY_JSON);
    }

    @Test
    void readsNumberPrecisionAndScaleHints() {
        assertThat(field("{\"type\": \"number\", \"precision\": 10, \"scale\": 2}"))
                .isEqualTo(new FieldSchema.Scalar(ColumnType.NUMBER, 10, 2));
        assertThat(field("{\"type\": [\"null\", \"number\"], \"precision\": 5}"))
                .isEqualTo(new FieldSchema.Scalar(ColumnType.NUMBER, 5, 0));
    }

    @Test
    void dropsHintsWhenIntegersAndBoundedNumbersMerge() {
        assertThat(
                        field(
                                "{\"anyOf\": [{\"type\": \"integer\"}, {\"type\": \"number\", \"precision\": 4, \"scale\": 2}]}"))
                .isEqualTo(FieldSchema.Scalar.of(ColumnType.NUMBER));
    }

    @Test
    void readsObjectsWithTheirPropertiesInSchemaOrder() {
        FieldSchema object = field("""
                {"type": ["null", "object"], "properties": {"z": {"type": "string"}, "a": {"type": "integer"}}}""");
        assertThat(object).isInstanceOf(FieldSchema.ObjectOf.class);
        assertThat(((FieldSchema.ObjectOf) object).properties())
                .containsExactly(
                        Map.entry("z", FieldSchema.Scalar.of(ColumnType.STRING)),
                        Map.entry("a", FieldSchema.Scalar.of(ColumnType.INTEGER)));
        assertThat(field("{\"properties\": {\"a\": {\"type\": \"string\"}}}")).isInstanceOf(FieldSchema.ObjectOf.class);
    }

    @Test
    void mergesTheAlternativesOfAnObjectUnion() {
        FieldSchema merged = field("""
                {"anyOf": [
                  {"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "string"}}},
                  {"type": "object", "properties": {"a": {"type": "number"}, "c": {"type": "boolean"}}}]}""");
        assertThat(((FieldSchema.ObjectOf) merged).properties())
                .containsExactly(
                        Map.entry("a", FieldSchema.Scalar.of(ColumnType.NUMBER)),
                        Map.entry("b", FieldSchema.Scalar.of(ColumnType.STRING)),
                        Map.entry("c", FieldSchema.Scalar.of(ColumnType.BOOLEAN)));
    }

    @Test
    void readsArraysWithTheirItems() {
        assertThat(field("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}"))
                .isEqualTo(new FieldSchema.ArrayOf(FieldSchema.Scalar.of(ColumnType.STRING)));
        assertThat(field("{\"type\": \"array\"}")).isEqualTo(new FieldSchema.ArrayOf(FieldSchema.ANY_JSON));
        assertThat(field("{\"type\": \"array\", \"items\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}"))
                .isEqualTo(new FieldSchema.ArrayOf(FieldSchema.ANY_JSON));
        assertThat(
                        field(
                                "{\"anyOf\": [{\"type\": \"array\", \"items\": {\"type\": \"integer\"}}, {\"type\": \"array\", \"items\": {\"type\": \"number\"}}]}"))
                .isEqualTo(new FieldSchema.ArrayOf(FieldSchema.Scalar.of(ColumnType.NUMBER)));
    }

    @Test
    void rejectsAnUnknownTypeNamingTheStreamAndField() {
        assertThatThrownBy(
                        () -> read(
                                "{\"properties\": {\"contact\": {\"type\": \"object\", \"properties\": {\"email\": {\"type\": \"text\"}}}}}"))
                .isInstanceOf(InvalidStreamSchemaException.class)
                .hasMessage(
                        "Stream public.users, field contact.email: unknown type \"text\"; use one of null, boolean, integer,"
                                + " number, string, object, array (fix the stream's JSON schema in the source's catalog)");
    }

    @Test
    void rejectsInvalidPrecisionAndScaleHints() {
        assertThatThrownBy(() -> read("{\"properties\": {\"price\": {\"type\": \"number\", \"precision\": 0}}}"))
                .hasMessageContaining("field price: \"precision\" must be a whole number from 1 to 1000, found 0");
        assertThatThrownBy(() -> read("{\"properties\": {\"price\": {\"type\": \"number\", \"precision\": \"10\"}}}"))
                .hasMessageContaining("field price: \"precision\" must be a whole number from 1 to 1000, found \"10\"");
        assertThatThrownBy(() -> read("{\"properties\": {\"price\": {\"type\": \"number\", \"scale\": 2}}}"))
                .hasMessageContaining("field price: \"scale\" needs a \"precision\"");
        assertThatThrownBy(() ->
                        read("{\"properties\": {\"price\": {\"type\": \"number\", \"precision\": 5, \"scale\": 2.5}}}"))
                .hasMessageContaining("field price: \"scale\" must be a whole number");
    }

    @Test
    void rejectsMalformedSchemas() {
        assertThatThrownBy(() -> read("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}"))
                .isInstanceOf(InvalidStreamSchemaException.class)
                .hasMessageContaining("Stream public.users: the JSON schema of its records must be of type \"object\"");
        assertThatThrownBy(() -> read("{\"properties\": {\"a\": 5}}"))
                .hasMessageContaining("field a: a schema must be a JSON object, found 5");
        assertThatThrownBy(() -> read("{\"properties\": [\"a\"]}"))
                .hasMessageContaining("the record schema: \"properties\" must be an object of field schemas");
        assertThatThrownBy(() -> read("{\"properties\": {\"a\": {\"type\": 3}}}"))
                .hasMessageContaining("field a: \"type\" must be a type name or a list of them, found 3");
        assertThatThrownBy(() -> read("{\"properties\": {\"a\": {\"type\": [\"string\", 3]}}}"))
                .hasMessageContaining("field a: \"type\" lists type names, found 3");
        assertThatThrownBy(() -> read("{\"properties\": {\"a\": {\"anyOf\": []}}}"))
                .hasMessageContaining("field a: anyOf/oneOf must be a non-empty list of schemas");
        assertThatThrownBy(() ->
                        read("{\"properties\": {\"tags\": {\"type\": \"array\", \"items\": {\"type\": \"word\"}}}}"))
                .hasMessageContaining("field tags[]: unknown type \"word\"");
    }

    private static FieldSchema field(String schema) {
        return read("{\"type\": \"object\", \"properties\": {\"f\": " + schema + "}}")
                .properties()
                .get("f");
    }

    private static FieldSchema.ObjectOf read(String schema) {
        return JsonSchemaReader.readRecordSchema(JSON.readTree(schema), "public.users");
    }
}
