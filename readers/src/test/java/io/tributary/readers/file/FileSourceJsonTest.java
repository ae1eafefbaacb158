package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.json;
import static io.tributary.readers.file.FileSourceFixture.readAll;
import static io.tributary.readers.file.FileSourceFixture.texts;
import static io.tributary.readers.file.FileSourceFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ParseException;
import tools.jackson.databind.node.ObjectNode;

class FileSourceJsonTest {

    @TempDir
    Path dir;

    private final FileSource source = new FileSource();

    @Test
    void readsEachObjectOfATopLevelArrayAsARecord() {
        Path file = write(dir.resolve("movies.json"), """
                [
                  {"title": "Alien", "year": 1979, "rating": 8.5, "cast": ["Sigourney Weaver"]},
                  {
                    "title": "Heat",
                    "year": 1995,
                    "rating": 8.30,
                    "cast": []
                  }
                ]
                """);

        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly(
                        "{\"title\":\"Alien\",\"year\":1979,\"rating\":8.5,\"cast\":[\"Sigourney Weaver\"]}",
                        "{\"title\":\"Heat\",\"year\":1995,\"rating\":8.30,\"cast\":[]}");
    }

    @Test
    void keepsNumbersWithAFractionAsExactDecimals() {
        Path file = write(dir.resolve("prices.json"), "[{\"price\": 0.10, \"ratio\": 1e-3}]");

        ObjectNode record = readAll(source, config("url", file.toString())).get(0);

        assertThat(record.get("price").isBigDecimal()).isTrue();
        assertThat(record.get("price").decimalValue()).isEqualByComparingTo("0.10");
    }

    @Test
    void readsASingleObjectAsOneRecord() {
        Path file = write(dir.resolve("config.json"), "{\n  \"name\": \"a\",\n  \"n\": 1\n}\n");

        assertThat(texts(readAll(source, config("url", file.toString())))).containsExactly("{\"name\":\"a\",\"n\":1}");
    }

    @Test
    void readsJsonLinesContentNamedDotJsonAsBefore() {
        Path file = write(dir.resolve("events.json"), "{\"a\": 1}\n{\"a\": 2}\n{\n \"a\": 3\n}\n");

        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly("{\"a\":1}", "{\"a\":2}", "{\"a\":3}");
    }

    @Test
    void readsTheRecordsAtARecordsPathAndSkipsTheRestOfTheDocument() {
        Path file = write(dir.resolve("page.json"), """
                {"meta": {"count": 2, "links": [{"next": null}]},
                 "data": {"total": 2, "items": [{"id": 1}, {"id": 2, "tags": {"a": [1, 2]}}], "after": "x"},
                 "trailer": [1, 2, 3]}
                """);

        assertThat(texts(readAll(source, config("url", file.toString(), "records_path", "data.items"))))
                .containsExactly("{\"id\":1}", "{\"id\":2,\"tags\":{\"a\":[1,2]}}");
    }

    @Test
    void readsTheRecordsPathOfEachDocumentWhenSeveralFollowEachOther() {
        Path file = write(dir.resolve("pages.json"), """
                {"data": [{"id": 1}, {"id": 2}], "next": 2}
                {"data": [], "next": 3}
                {"data": null}
                {"next": null, "data": [{"id": 3}]}
                """);

        assertThat(texts(readAll(source, config("url", file.toString(), "records_path", "data"))))
                .containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}");
    }

    @Test
    void readsTheObjectAtARecordsPathAsOneRecord() {
        Path file = write(dir.resolve("one.json"), "{\"status\": \"ok\", \"result\": {\"id\": 7}, \"took\": 3}");

        assertThat(texts(readAll(source, config("url", file.toString(), "records_path", "result"))))
                .containsExactly("{\"id\":7}");
    }

    @Test
    void readsAnEmptyFileAndAnEmptyArrayAsNoRecords() {
        Path empty = write(dir.resolve("empty.json"), "");
        Path emptyArray = write(dir.resolve("none.json"), " [ ] \n");

        assertThat(readAll(source, config("url", empty.toString()))).isEmpty();
        assertThat(readAll(source, config("url", emptyArray.toString()))).isEmpty();
    }

    @Test
    void readsAnArrayFromAFileOfAnyNameWhenTheFormatIsJson() {
        Path file = write(dir.resolve("export.txt"), "[{\"a\": 1}]");

        assertThat(texts(readAll(source, config("url", file.toString(), "format", "json"))))
                .containsExactly("{\"a\":1}");
    }

    @Test
    void infersTheSchemaOfTheArraysRecordsAndWidensIntegersToNumbers() {
        Path file = write(dir.resolve("rows.json"), """
                [{"id": 1, "amount": 3, "day": "2024-01-02", "nested": {"k": "v"}},
                 {"id": 2, "amount": 2.5, "day": "2024-01-03", "nested": {"k": "w"}}]
                """);

        assertThat(source.discover(config("url", file.toString()))
                        .streams()
                        .get(0)
                        .jsonSchema()
                        .get("properties"))
                .isEqualTo(json("""
                        {"id": {"type": ["null", "integer"]},
                         "amount": {"type": ["null", "number"]},
                         "day": {"type": ["null", "string"], "format": "date"},
                         "nested": {"type": ["null", "object"], "properties": {"k": {"type": ["null", "string"]}}}}"""));
    }

    @Test
    void failsOnAnArrayElementThatIsNotAnObjectNamingFileLineAndElement() {
        Path file = write(dir.resolve("mixed.json"), "[\n  {\"a\": 1},\n  42\n]\n");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString())))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(file + ":3:3: element 2 of the array is a number, not a JSON object");
    }

    @Test
    void failsOnATopLevelValueThatIsNotAnObjectOrArray() {
        Path file = write(dir.resolve("scalar.json"), "\"hello\"");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString())))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining(file + ":1:1: the top-level value is a string, not a JSON object");
    }

    @Test
    void failsWhenTheRecordsPathIsNotInTheDocument() {
        Path file = write(dir.resolve("page.json"), "{\"results\": [{\"id\": 1}]}");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString(), "records_path", "data.items")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining(file + ":1: records_path 'data.items' not found: the document has no 'data'");
    }

    @Test
    void failsOnATruncatedArrayNamingTheFile() {
        Path file = write(dir.resolve("cut.json"), "[{\"a\": 1},\n{\"a\": 2},\n{\"a\": ");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString())))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(file + ":3:")
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void hintsAtTheJsonFormatWhenAJsonLinesFileHoldsAnArray() {
        Path file = write(dir.resolve("array.jsonl"), "[{\"a\": 1}]");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString())))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("set format to json");
    }
}
