package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.readAll;
import static io.tributary.readers.file.FileSourceFixture.texts;
import static io.tributary.readers.file.FileSourceFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class FileSourceJsonLinesTest {

    @TempDir
    Path dir;

    private final FileSource source = new FileSource();

    @Test
    void readsOneObjectPerLineWithNestedValues() {
        Path file = write(dir.resolve("customers.jsonl"), """
                {"id": 1, "contact": {"email": "a@b.c"}, "tags": ["x", "y"]}
                {"id": 2, "contact": null, "tags": []}
                """);

        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly(
                        "{\"id\":1,\"contact\":{\"email\":\"a@b.c\"},\"tags\":[\"x\",\"y\"]}",
                        "{\"id\":2,\"contact\":null,\"tags\":[]}");
    }

    @Test
    void keepsNumbersWithAFractionAsExactDecimals() {
        Path file = write(dir.resolve("prices.jsonl"), "{\"price\": 0.10, \"big\": 12345678901234567890.123456789}\n");

        ObjectNode record = readAll(source, config("url", file.toString())).get(0);

        assertThat(record.get("price").isBigDecimal()).isTrue();
        assertThat(record.toString()).isEqualTo("{\"price\":0.10,\"big\":12345678901234567890.123456789}");
    }

    @Test
    void skipsBlankLinesAndReadsObjectsSpanningLines() {
        Path file = write(dir.resolve("loose.jsonl"), "\n{\"a\": 1}\n   \n{\n \"a\": 2\n}\r\n{\"a\": 3}");

        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly("{\"a\":1}", "{\"a\":2}", "{\"a\":3}");
    }

    @Test
    void readsJsonLinesWhateverTheFileNameWhenTheFormatIsSet() {
        Path file = write(dir.resolve("export.txt"), "{\"a\": 1}\n");

        List<ObjectNode> records = readAll(source, config("url", file.toString(), "format", "jsonl"));

        assertThat(texts(records)).containsExactly("{\"a\":1}");
    }

    @Test
    void takesTheFormatFromNdjsonAndJsonExtensions() {
        Path ndjson = write(dir.resolve("a.ndjson"), "{\"a\": 1}\n");
        Path json = write(dir.resolve("b.json"), "{\"b\": 2}\n");

        assertThat(texts(readAll(source, config("url", ndjson.toString())))).containsExactly("{\"a\":1}");
        assertThat(texts(readAll(source, config("url", json.toString())))).containsExactly("{\"b\":2}");
    }

    @Test
    void leavesJsonValuesAsTheyAreEvenWhenTheyDoNotFitTheSchema() {
        Path file = write(dir.resolve("mixed.jsonl"), "{\"n\": 1}\n{\"n\": \"n/a\"}\n");

        assertThat(texts(readAll(source, config("url", file.toString(), "schema", "{\"n\": \"integer\"}"))))
                .containsExactly("{\"n\":1}", "{\"n\":\"n/a\"}");
    }
}
