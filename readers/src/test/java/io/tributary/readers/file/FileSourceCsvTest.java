package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.readAll;
import static io.tributary.readers.file.FileSourceFixture.texts;
import static io.tributary.readers.file.FileSourceFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceCsvTest {

    @TempDir
    Path dir;

    private final FileSource source = new FileSource();

    @Test
    void readsRowsWithInferredTypesAsExactValues() {
        Path file = write(dir.resolve("orders.csv"), """
                id,price,paid,day,at,note
                1,2.50,true,2024-01-31,2024-01-31T10:00:00Z,first
                2,10,false,2024-02-01,2024-02-01 11:30:00+02,
                """);

        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly(
                        "{\"id\":1,\"price\":2.50,\"paid\":true,\"day\":\"2024-01-31\",\"at\":\"2024-01-31T10:00:00Z\",\"note\":\"first\"}",
                        "{\"id\":2,\"price\":10,\"paid\":false,\"day\":\"2024-02-01\",\"at\":\"2024-02-01T11:30:00+02:00\",\"note\":null}");
    }

    @Test
    void readsQuotedValuesWithDelimitersQuotesAndLineBreaks() {
        Path file = write(dir.resolve("notes.csv"), "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n");

        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly(
                        "{\"id\":1,\"note\":\"a, b\"}",
                        "{\"id\":2,\"note\":\"say \\\"hi\\\"\"}",
                        "{\"id\":3,\"note\":\"two\\nlines\"}");
    }

    @Test
    void readsAnotherDelimiterQuoteAndEscapeCharacter() {
        Path file = write(dir.resolve("semi.csv"), "id;note\n1;'it\\'s; fine'\n");

        assertThat(texts(readAll(
                        source,
                        config("url", file.toString(), "delimiter", ";", "quote_char", "'", "escape_char", "\\"))))
                .containsExactly("{\"id\":1,\"note\":\"it's; fine\"}");
    }

    @Test
    void readsTabSeparatedValuesWrittenAsBackslashT() {
        Path file = write(dir.resolve("data.tsv"), "id\tname\n1\tAda\n");

        assertThat(texts(readAll(source, config("url", file.toString(), "delimiter", "\\t"))))
                .containsExactly("{\"id\":1,\"name\":\"Ada\"}");
    }

    @Test
    void keepsQuotesAsDataWhenQuotingIsOff() {
        Path file = write(dir.resolve("raw.csv"), "id,name\n1,\"Ada\"\n");

        assertThat(texts(readAll(source, config("url", file.toString(), "quote_char", "none"))))
                .containsExactly("{\"id\":1,\"name\":\"\\\"Ada\\\"\"}");
    }

    @Test
    void namesColumnsColumnOneToNWithoutAHeader() {
        Path file = write(dir.resolve("plain.csv"), "1,Ada\n2,Grace\n");

        assertThat(texts(readAll(source, config("url", file.toString(), "header", false))))
                .containsExactly("{\"column_1\":1,\"column_2\":\"Ada\"}", "{\"column_1\":2,\"column_2\":\"Grace\"}");
    }

    @Test
    void decodesTheDeclaredEncoding() {
        Path file = write(dir.resolve("latin.csv"), "city,name\nZürich,Müller\n", StandardCharsets.ISO_8859_1);

        assertThat(texts(readAll(source, config("url", file.toString(), "encoding", "ISO-8859-1"))))
                .containsExactly("{\"city\":\"Zürich\",\"name\":\"Müller\"}");
    }

    @Test
    void skipsAUtf8ByteOrderMark() {
        Path file = write(dir.resolve("bom.csv"), "\uFEFFid,name\n1,Ada\n");

        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly("{\"id\":1,\"name\":\"Ada\"}");
    }

    @Test
    void readsEveryColumnAsTextWhenTypeInferenceIsOff() {
        Path file = write(dir.resolve("ids.csv"), "id,zip\n1,00501\n");

        assertThat(texts(readAll(source, config("url", file.toString(), "infer_types", false))))
                .containsExactly("{\"id\":\"1\",\"zip\":\"00501\"}");
    }

    @Test
    void readsEmptyValuesAsNullsAndSkipsEmptyLines() {
        Path file = write(dir.resolve("gaps.csv"), "a,b,c\n1,,\"\"\n\n2,x,y\n");

        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly("{\"a\":1,\"b\":null,\"c\":null}", "{\"a\":2,\"b\":\"x\",\"c\":\"y\"}");
    }

    @Test
    void givesEmptyAndRepeatedHeaderNamesUniqueNames() {
        Path file = write(dir.resolve("names.csv"), "id, name ,,name\n1,a,b,c\n");

        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly("{\"id\":1,\"name\":\"a\",\"column_3\":\"b\",\"name_2\":\"c\"}");
    }

    @Test
    void readsAFileGivenAsAFileUrl() {
        Path file = write(dir.resolve("u.csv"), "id\n7\n");

        assertThat(texts(readAll(source, config("url", file.toUri().toString()))))
                .containsExactly("{\"id\":7}");
    }

    @Test
    void readsAHeaderOnlyFileAsNoRecords() {
        Path file = write(dir.resolve("empty.csv"), "id,name\n");

        assertThat(readAll(source, config("url", file.toString()))).isEmpty();
    }
}
