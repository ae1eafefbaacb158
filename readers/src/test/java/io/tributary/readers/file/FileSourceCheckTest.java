package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.connector.source.CheckResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class FileSourceCheckTest {

    @TempDir
    Path dir;

    private final FileSource source = new FileSource();

    @Test
    void isFoundByItsTypeAmongTheInstalledSources() {
        assertThat(ConnectorRegistry.load().source("file")).isInstanceOf(FileSource.class);
    }

    @Test
    void publishesEverySettingWithItsDefault() {
        ObjectNode spec = source.spec().toJsonSchema();

        assertThat(spec.get("properties").propertyNames())
                .containsExactly(
                        "url",
                        "format",
                        "stream_name",
                        "compression",
                        "delimiter",
                        "quote_char",
                        "escape_char",
                        "header",
                        "encoding",
                        "schema",
                        "sample_size",
                        "infer_types",
                        "records_path",
                        "sheet_name");
        assertThat(spec.get("required").toString()).isEqualTo("[\"url\"]");
        assertThat(spec.at("/properties/compression/enum").toString())
                .isEqualTo("[\"auto\",\"none\",\"gzip\",\"bzip2\",\"zstd\",\"zip\"]");
        assertThat(spec.at("/properties/format/enum").toString())
                .isEqualTo("[\"csv\",\"jsonl\",\"json\",\"parquet\",\"excel\"]");
        assertThat(spec.at("/properties/sample_size/default").asInt()).isEqualTo(1000);
        assertThat(spec.at("/properties/delimiter/default").asString()).isEqualTo(",");
    }

    @Test
    void succeedsWhenTheFirstRecordParses() {
        Path file = write(dir.resolve("ok.csv"), "id\n1\n");

        CheckResult result = source.check(config("url", file.toString()));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.message()).isEqualTo(file + " is readable; its first record parses as csv");
    }

    @Test
    void succeedsOnAFileWithoutRecords() {
        Path file = write(dir.resolve("none.jsonl"), "");

        assertThat(source.check(config("url", file.toString())).message())
                .isEqualTo(file + " is readable and holds no records");
    }

    @Test
    void failsWhenTheFirstRecordDoesNotParse() {
        Path file = write(dir.resolve("bad.jsonl"), "not json\n");

        CheckResult result = source.check(config("url", file.toString()));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).startsWith(file + ":1: invalid JSON: Unrecognized token 'not'");
    }

    @Test
    void failsWhenTheFirstRowHasTheWrongNumberOfColumns() {
        Path file = write(dir.resolve("bad.csv"), "a,b\n1\n");

        CheckResult result = source.check(config("url", file.toString()));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).startsWith(file + ":2: expected 2 columns, found 1");
    }
}
