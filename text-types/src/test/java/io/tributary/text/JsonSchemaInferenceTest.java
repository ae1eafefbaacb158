package io.tributary.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class JsonSchemaInferenceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static ObjectNode infer(JsonSchemaInference inference, String... records) {
        for (String record : records) {
            inference.accept(json(record));
        }
        return inference.recordSchema();
    }

    @Test
    void typesEveryPropertyAsANullableUnion() {
        ObjectNode schema = infer(
                JsonSchemaInference.forJson(), "{\"id\": 1, \"price\": 9.99, \"active\": true, \"name\": \"ada\"}");

        assertThat(schema).isEqualTo(json("""
                {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {
                  "id": {"type": ["null", "integer"]},
                  "price": {"type": ["null", "number"]},
                  "active": {"type": ["null", "boolean"]},
                  "name": {"type": ["null", "string"]}}}"""));
    }

    @Test
    void describesNestedObjectsWithPropertiesAndArraysWithItems() {
        ObjectNode schema = infer(
                JsonSchemaInference.forJson(),
                "{\"contact\": {\"email\": \"a@b.c\", \"phones\": [\"1\", \"2\"]}, \"addresses\": [{\"city\": \"Oslo\"}]}",
                "{\"contact\": {\"email\": null, \"age\": 40}, \"addresses\": [{\"zip\": 150}, {\"city\": \"Rome\"}]}");

        assertThat(schema.get("properties")).isEqualTo(json("""
                {"contact": {"type": ["null", "object"], "properties": {
                   "email": {"type": ["null", "string"]},
                   "phones": {"type": ["null", "array"], "items": {"type": ["null", "string"]}},
                   "age": {"type": ["null", "integer"]}}},
                 "addresses": {"type": ["null", "array"], "items": {"type": ["null", "object"], "properties": {
                   "city": {"type": ["null", "string"]},
                   "zip": {"type": ["null", "integer"]}}}}}"""));
    }

    @Test
    void widensIntegerToNumberToString() {
        ObjectNode schema = infer(
                JsonSchemaInference.forJson(),
                "{\"a\": 1, \"b\": 1, \"c\": true}",
                "{\"a\": 2.5, \"b\": 2.5, \"c\": 3}",
                "{\"a\": 3, \"b\": \"n/a\"}");

        assertThat(schema.at("/properties/a/type")).isEqualTo(json("[\"null\", \"number\"]"));
        assertThat(schema.at("/properties/b/type")).isEqualTo(json("[\"null\", \"string\"]"));
        assertThat(schema.at("/properties/c/type")).isEqualTo(json("[\"null\", \"string\"]"));
    }

    @Test
    void makesAnObjectOrArrayNextToAScalarOrEachOtherAString() {
        ObjectNode schema = infer(
                JsonSchemaInference.forJson(),
                "{\"a\": {\"x\": 1}, \"b\": 5, \"c\": [1], \"d\": [1]}",
                "{\"a\": 7, \"b\": {\"y\": 2}, \"c\": {\"z\": 1}, \"d\": [{\"k\": 1}]}",
                "{\"a\": {\"x\": 2}}");

        assertThat(schema.at("/properties/a")).isEqualTo(json("{\"type\": [\"null\", \"string\"]}"));
        assertThat(schema.at("/properties/b")).isEqualTo(json("{\"type\": [\"null\", \"string\"]}"));
        assertThat(schema.at("/properties/c")).isEqualTo(json("{\"type\": [\"null\", \"string\"]}"));
        assertThat(schema.at("/properties/d/items")).isEqualTo(json("{\"type\": [\"null\", \"string\"]}"));
    }

    @Test
    void givesOnlyNullFieldsAndEmptyArraysANullableStringType() {
        ObjectNode schema = infer(JsonSchemaInference.forJson(), "{\"a\": null, \"b\": []}");

        assertThat(schema.at("/properties/a")).isEqualTo(json("{\"type\": [\"null\", \"string\"]}"));
        assertThat(schema.at("/properties/b"))
                .isEqualTo(json("{\"type\": [\"null\", \"array\"], \"items\": {\"type\": [\"null\", \"string\"]}}"));
    }

    @Test
    void detectsDateAndDateTimeStringsOnlyWhenEverySampledValueHasTheFormat() {
        ObjectNode schema = infer(
                JsonSchemaInference.forJson(),
                "{\"day\": \"2024-02-29\", \"at\": \"2024-01-01T10:00:00Z\", \"local\": \"2024-01-01T10:00:00\", \"mixed\": \"2024-01-01\"}",
                "{\"day\": \"2024-03-01\", \"at\": \"2024-01-01T10:00:00+02:00\", \"local\": \"2024-01-01 11:00\", \"mixed\": \"soon\"}");

        assertThat(schema.at("/properties/day"))
                .isEqualTo(json("{\"type\": [\"null\", \"string\"], \"format\": \"date\"}"));
        assertThat(schema.at("/properties/at"))
                .isEqualTo(
                        json(
                                "{\"type\": [\"null\", \"string\"], \"format\": \"date-time\", \"airbyte_type\": \"timestamp_with_timezone\"}"));
        assertThat(schema.at("/properties/local"))
                .isEqualTo(
                        json(
                                "{\"type\": [\"null\", \"string\"], \"format\": \"date-time\", \"airbyte_type\": \"timestamp_without_timezone\"}"));
        assertThat(schema.at("/properties/mixed")).isEqualTo(json("{\"type\": [\"null\", \"string\"]}"));
    }

    @Test
    void leavesJsonStringsAsPlainStringsWhenFormatsAreOff() {
        ObjectNode schema =
                infer(JsonSchemaInference.builder().stringFormats(false).build(), "{\"day\": \"2024-02-29\"}");

        assertThat(schema.at("/properties/day")).isEqualTo(json("{\"type\": [\"null\", \"string\"]}"));
    }

    @Test
    void readsStringsAsTextStandingForOtherTypesWhenAskedTo() {
        ObjectNode schema = infer(
                JsonSchemaInference.builder().typesFromText(true).build(),
                "{\"id\": \"1\", \"price\": \"1\", \"ok\": \"true\", \"day\": \"2024-01-31\", \"zip\": \"00501\", \"n\": \"1\"}",
                "{\"id\": \"2\", \"price\": \"2.50\", \"ok\": \"FALSE\", \"day\": null, \"zip\": \"10001\", \"n\": \"x\"}");

        assertThat(schema.at("/properties/id/type")).isEqualTo(json("[\"null\", \"integer\"]"));
        assertThat(schema.at("/properties/price/type")).isEqualTo(json("[\"null\", \"number\"]"));
        assertThat(schema.at("/properties/ok/type")).isEqualTo(json("[\"null\", \"boolean\"]"));
        assertThat(schema.at("/properties/day/format").asString()).isEqualTo("date");
        assertThat(schema.at("/properties/zip/type")).isEqualTo(json("[\"null\", \"string\"]"));
        assertThat(schema.at("/properties/n/type")).isEqualTo(json("[\"null\", \"string\"]"));
    }

    @Test
    void treatsWholeNumbersBeyondSixtyFourBitsAsNumbers() {
        ObjectNode schema = infer(JsonSchemaInference.forJson(), "{\"big\": 123456789012345678901234567890}");

        assertThat(schema.at("/properties/big/type")).isEqualTo(json("[\"null\", \"number\"]"));
    }

    @Test
    void stopsSamplingWhenTheSampleIsFull() {
        JsonSchemaInference inference =
                JsonSchemaInference.builder().maxSamples(2).build();

        assertThat(inference.accept(json("{\"a\": 1}"))).isTrue();
        assertThat(inference.accept(json("{\"a\": 2}"))).isTrue();
        assertThat(inference.wantsMore()).isFalse();
        assertThat(inference.accept(json("{\"a\": \"text\", \"b\": 1}"))).isFalse();

        assertThat(inference.sampled()).isEqualTo(2);
        assertThat(inference.recordSchema().get("properties"))
                .isEqualTo(json("{\"a\": {\"type\": [\"null\", \"integer\"]}}"));
    }

    @Test
    void keepsAnObjectWithTooManyDistinctKeysAsOpaqueJson() {
        JsonSchemaInference inference =
                JsonSchemaInference.builder().maxProperties(3).build();
        for (int i = 0; i < 5; i++) {
            inference.accept(json("{\"scores\": {\"user" + i + "\": " + i + "}}"));
        }

        assertThat(inference.recordSchema().at("/properties/scores"))
                .isEqualTo(json("{\"type\": [\"null\", \"object\"]}"));
    }

    @Test
    void infersTheSchemaOfAnyValueForJsonColumns() {
        JsonSchemaInference inference = JsonSchemaInference.forJson();
        inference.accept(json("[1, 2]"));
        inference.accept(json("null"));
        inference.accept(json("[3.5]"));

        assertThat(inference.schema())
                .isEqualTo(json("{\"type\": [\"null\", \"array\"], \"items\": {\"type\": [\"null\", \"number\"]}}"));
    }

    @Test
    void refusesARecordSchemaWhenAValueWasNotAnObject() {
        JsonSchemaInference inference = JsonSchemaInference.forJson();
        inference.accept(json("[1]"));

        assertThatThrownBy(inference::recordSchema)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not all JSON objects");
    }

    @Test
    void givesAnEmptyObjectSchemaWhenNothingWasSampled() {
        assertThat(JsonSchemaInference.forJson().recordSchema().get("properties"))
                .isEqualTo(json("{}"));
    }

    @Test
    void rejectsAnEmptySample() {
        assertThatThrownBy(() -> JsonSchemaInference.builder().maxSamples(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSamples");
    }
}
