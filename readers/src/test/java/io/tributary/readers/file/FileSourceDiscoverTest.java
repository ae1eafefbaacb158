package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.json;
import static io.tributary.readers.file.FileSourceFixture.readAll;
import static io.tributary.readers.file.FileSourceFixture.texts;
import static io.tributary.readers.file.FileSourceFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceDiscoverTest {

    @TempDir
    Path dir;

    private final FileSource source = new FileSource();

    private Stream discover(ConnectorConfig config) {
        List<Stream> streams = source.discover(config).streams();
        assertThat(streams).hasSize(1);
        return streams.get(0);
    }

    @Test
    void offersOneFullRefreshStreamNamedAfterTheFile() {
        Path file = write(dir.resolve("orders.csv"), "id\n1\n");

        Stream stream = discover(config("url", file.toString()));

        assertThat(stream.name()).isEqualTo("orders");
        assertThat(stream.namespace()).isNull();
        assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
        assertThat(stream.sourceDefinedPrimaryKey()).isEmpty();
    }

    @Test
    void namesTheStreamAsConfigured() {
        Path file = write(dir.resolve("orders.csv"), "id\n1\n");

        assertThat(discover(config("url", file.toString(), "stream_name", "sales"))
                        .name())
                .isEqualTo("sales");
    }

    @Test
    void takesTheFormatFromTheFileNameWithoutItsCompressionSuffix() {
        assertThat(FileFormat.fromFileName("orders.csv.bz2")).isEqualTo(FileFormat.CSV);
        assertThat(FileFormat.fromFileName("events.ndjson.zst")).isEqualTo(FileFormat.JSONL);
        assertThat(FileFormat.fromFileName("movies.JSON.gz")).isEqualTo(FileFormat.JSON);
        assertThat(FileFormat.fromFileName("part-0001.parquet")).isEqualTo(FileFormat.PARQUET);
        assertThat(FileFormat.fromFileName("Budget 2024.xlsx")).isEqualTo(FileFormat.EXCEL);
        assertThat(FileFormat.fromFileName("export.zip")).isEqualTo(FileFormat.CSV);
        assertThat(FileSourceSettings.streamNameOf("movies.json.zst")).isEqualTo("movies");
        assertThat(FileSourceSettings.streamNameOf("part-0001.parquet")).isEqualTo("part-0001");
        assertThat(FileSourceSettings.streamNameOf("report.xlsx")).isEqualTo("report");
    }

    @Test
    void stripsEveryKnownExtensionFromTheStreamName() {
        assertThat(FileSourceSettings.streamNameOf("orders.csv.gz")).isEqualTo("orders");
        assertThat(FileSourceSettings.streamNameOf("events.2024.jsonl")).isEqualTo("events.2024");
        assertThat(FileSourceSettings.streamNameOf("README")).isEqualTo("README");
    }

    @Test
    void infersCsvColumnTypesFromTheSampleAndWidensOnConflicts() {
        Path file = write(dir.resolve("t.csv"), """
                int,num,widened,text,flag,day,at,local,empty
                1,1.5,1,a,true,2024-01-01,2024-01-01T00:00:00Z,2024-01-01 10:00:00,
                2,2,2.5,b,false,2024-01-02,2024-01-02T00:00:00+01:00,2024-01-02T10:00,
                3,3,x,c,TRUE,2024-01-03,2024-01-03T00:00:00Z,2024-01-03T10:00:00,
                """);

        Stream stream = discover(config("url", file.toString()));

        assertThat(stream.jsonSchema().get("type").asString()).isEqualTo("object");
        assertThat(stream.jsonSchema().get("properties")).isEqualTo(json("""
                {"int": {"type": ["null", "integer"]},
                 "num": {"type": ["null", "number"]},
                 "widened": {"type": ["null", "string"]},
                 "text": {"type": ["null", "string"]},
                 "flag": {"type": ["null", "boolean"]},
                 "day": {"type": ["null", "string"], "format": "date"},
                 "at": {"type": ["null", "string"], "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
                 "local": {"type": ["null", "string"], "format": "date-time", "airbyte_type": "timestamp_without_timezone"},
                 "empty": {"type": ["null", "string"]}}"""));
    }

    @Test
    void infersJsonLinesSchemasWithNestedObjectsAndArrays() {
        Path file = write(dir.resolve("c.jsonl"), """
                {"id": 1, "contact": {"email": "a@b.c"}, "addresses": [{"city": "Oslo"}], "seen": "2024-01-01"}
                {"id": 2.5, "contact": {"phone": "1"}, "addresses": [{"zip": 10}], "seen": "2024-02-01"}
                """);

        assertThat(discover(config("url", file.toString())).jsonSchema().get("properties"))
                .isEqualTo(json("""
                {"id": {"type": ["null", "number"]},
                 "contact": {"type": ["null", "object"], "properties": {
                    "email": {"type": ["null", "string"]}, "phone": {"type": ["null", "string"]}}},
                 "addresses": {"type": ["null", "array"], "items": {"type": ["null", "object"], "properties": {
                    "city": {"type": ["null", "string"]}, "zip": {"type": ["null", "integer"]}}}},
                 "seen": {"type": ["null", "string"], "format": "date"}}"""));
    }

    @Test
    void samplesOnlyTheConfiguredNumberOfRows() {
        Path file = write(dir.resolve("late.csv"), "n\n1\n2\nlate text\n");

        Stream stream = discover(config("url", file.toString(), "sample_size", 2));

        assertThat(stream.jsonSchema().at("/properties/n/type")).isEqualTo(json("[\"null\", \"integer\"]"));
    }

    @Test
    void declaresEveryCsvColumnAStringWhenInferenceIsOff() {
        Path file = write(dir.resolve("s.csv"), "id,day\n1,2024-01-01\n");

        Stream stream = discover(config("url", file.toString(), "infer_types", false));

        assertThat(stream.jsonSchema().get("properties"))
                .isEqualTo(json(
                        "{\"id\": {\"type\": [\"null\", \"string\"]}, \"day\": {\"type\": [\"null\", \"string\"]}}"));
    }

    @Test
    void declaresTheColumnsOfAHeaderOnlyFile() {
        Path file = write(dir.resolve("h.csv"), "id,name\n");

        assertThat(discover(config("url", file.toString()))
                        .jsonSchema()
                        .get("properties")
                        .propertyNames())
                .containsExactly("id", "name");
    }

    @Test
    void usesAnExplicitJsonSchemaInsteadOfInferringOne() {
        Path file = write(dir.resolve("e.csv"), "id,amount\n1,5\n2,6\n");
        String schema =
                "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}, \"amount\": {\"type\": [\"null\", \"number\"]}}}";

        ConnectorConfig config = config("url", file.toString(), "schema", schema);

        assertThat(discover(config).jsonSchema().get("properties"))
                .isEqualTo(json("{\"id\": {\"type\": \"string\"}, \"amount\": {\"type\": [\"null\", \"number\"]}}"));
        assertThat(texts(readAll(source, config)))
                .containsExactly("{\"id\":\"1\",\"amount\":5}", "{\"id\":\"2\",\"amount\":6}");
    }

    @Test
    void acceptsAnExplicitSchemaGivenAsAMapOfColumnTypes() {
        Path file = write(dir.resolve("m.csv"), "id,born,score\n1,1990-05-01,7\n");

        ConnectorConfig config =
                config("url", file.toString(), "schema", Map.of("id", "string", "born", "date", "score", "number"));

        assertThat(discover(config).jsonSchema().get("properties")).isEqualTo(json("""
                {"id": {"type": ["null", "string"]}, "born": {"type": ["null", "string"], "format": "date"},
                 "score": {"type": ["null", "number"]}}"""));
        assertThat(texts(readAll(source, config)))
                .containsExactly("{\"id\":\"1\",\"born\":\"1990-05-01\",\"score\":7}");
    }

    @Test
    void acceptsAnExplicitJsonSchemaGivenAsANestedMap() {
        Path file = write(dir.resolve("n.csv"), "id\n1\n");

        ConnectorConfig config = config(
                "url",
                file.toString(),
                "schema",
                Map.of("type", "object", "properties", Map.of("id", Map.of("type", "number"))));

        assertThat(discover(config).jsonSchema().at("/properties/id")).isEqualTo(json("{\"type\": \"number\"}"));
    }

    @Test
    void readsColumnsMissingFromAnExplicitSchemaAsText() {
        Path file = write(dir.resolve("x.csv"), "id,extra\n1,2\n");

        assertThat(texts(readAll(source, config("url", file.toString(), "schema", "{\"id\": \"integer\"}"))))
                .containsExactly("{\"id\":1,\"extra\":\"2\"}");
    }

    @Test
    void convertsCsvTextToObjectsAndArraysDeclaredInTheSchema() {
        Path file = write(dir.resolve("j.csv"), "meta,tags\n\"{\"\"a\"\": 1}\",\"[1,2]\"\n");

        assertThat(texts(readAll(
                        source,
                        config("url", file.toString(), "schema", "{\"meta\": \"object\", \"tags\": \"array\"}"))))
                .containsExactly("{\"meta\":{\"a\":1},\"tags\":[1,2]}");
    }
}
