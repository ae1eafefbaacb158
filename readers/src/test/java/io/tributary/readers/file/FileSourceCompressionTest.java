package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.bzip2;
import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.gzip;
import static io.tributary.readers.file.FileSourceFixture.readAll;
import static io.tributary.readers.file.FileSourceFixture.texts;
import static io.tributary.readers.file.FileSourceFixture.utf8;
import static io.tributary.readers.file.FileSourceFixture.write;
import static io.tributary.readers.file.FileSourceFixture.writeBytes;
import static io.tributary.readers.file.FileSourceFixture.writeGzip;
import static io.tributary.readers.file.FileSourceFixture.zip;
import static io.tributary.readers.file.FileSourceFixture.zstd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ParseException;

class FileSourceCompressionTest {

    @TempDir
    Path dir;

    private final FileSource source = new FileSource();

    @Test
    void readsAGzipCsvFileNamedDotGz() {
        Path file = writeGzip(dir.resolve("orders.csv.gz"), "id,name\n1,Ada\n");

        assertThat(source.discover(config("url", file.toString()))
                        .streams()
                        .get(0)
                        .name())
                .isEqualTo("orders");
        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly("{\"id\":1,\"name\":\"Ada\"}");
    }

    @Test
    void readsAGzipJsonLinesFileAndTakesTheFormatFromTheNameBeforeDotGz() {
        Path file = writeGzip(dir.resolve("events.jsonl.gz"), "{\"a\": 1}\n{\"a\": 2}\n");

        assertThat(texts(readAll(source, config("url", file.toString())))).containsExactly("{\"a\":1}", "{\"a\":2}");
    }

    @Test
    void recognisesGzipContentUnderAnyName() {
        Path file = writeGzip(dir.resolve("download.csv"), "id\n5\n");

        assertThat(texts(readAll(source, config("url", file.toString())))).containsExactly("{\"id\":5}");
    }

    @Test
    void readsGzipWhenDeclared() {
        Path file = writeGzip(dir.resolve("blob.bin"), "id\n5\n");

        assertThat(texts(readAll(source, config("url", file.toString(), "compression", "gzip"))))
                .containsExactly("{\"id\":5}");
    }

    @Test
    void readsTheBytesAsTheyAreWhenCompressionIsNone() {
        Path file = write(dir.resolve("plain.csv.gz"), "id\n5\n");

        assertThat(texts(readAll(source, config("url", file.toString(), "compression", "none"))))
                .containsExactly("{\"id\":5}");
    }

    @Test
    void recognisesBzip2FromItsBytes() {
        Path file = writeBytes(dir.resolve("orders.csv.bz2"), bzip2("id,name\n1,Ada\n2,Grace\n"));

        assertThat(source.discover(config("url", file.toString()))
                        .streams()
                        .get(0)
                        .name())
                .isEqualTo("orders");
        assertThat(texts(readAll(source, config("url", file.toString()))))
                .containsExactly("{\"id\":1,\"name\":\"Ada\"}", "{\"id\":2,\"name\":\"Grace\"}");
    }

    @Test
    void recognisesZstdFromItsBytes() {
        Path file = writeBytes(dir.resolve("events.json.zst"), zstd("[{\"a\": 1}, {\"a\": 2}]"));

        assertThat(texts(readAll(source, config("url", file.toString())))).containsExactly("{\"a\":1}", "{\"a\":2}");
    }

    @Test
    void readsTheEntriesOfAZipArchiveOneAfterAnotherEachWithItsHeader() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("2024/", new byte[0]);
        entries.put("2024/january.csv", utf8("id,name\n1,Ada\n"));
        entries.put("__MACOSX/2024/._january.csv", utf8("not data"));
        entries.put("2024/february.csv", utf8("id,name\n2,Grace\n3,Joan\n"));
        Path file = writeBytes(dir.resolve("orders.zip"), zip(entries));

        assertThat(source.discover(config("url", file.toString()))
                        .streams()
                        .get(0)
                        .name())
                .isEqualTo("orders");
        assertThat(texts(readAll(source, config("url", file.toString(), "format", "csv"))))
                .containsExactly(
                        "{\"id\":1,\"name\":\"Ada\"}", "{\"id\":2,\"name\":\"Grace\"}", "{\"id\":3,\"name\":\"Joan\"}");
    }

    @Test
    void takesTheFormatOfAZipArchiveFromItsNameBeforeDotZip() {
        Path file = writeBytes(dir.resolve("events.jsonl.zip"), zip(Map.of("events.jsonl", utf8("{\"a\": 1}\n"))));

        assertThat(texts(readAll(source, config("url", file.toString())))).containsExactly("{\"a\":1}");
    }

    @Test
    void namesTheArchiveEntryInErrors() {
        Path file = writeBytes(dir.resolve("rows.csv.zip"), zip(Map.of("inner.csv", utf8("id,name\n1\n"))));

        assertThatThrownBy(() -> readAll(source, config("url", file.toString())))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(file + "!inner.csv:2: expected 2 columns, found 1");
    }

    @Test
    void failsOnATruncatedGzipFileNamingTheFile() {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append(i).append(",name-").append(i).append('\n');
        }
        byte[] gzip = gzip(csv.toString());
        Path file = writeBytes(dir.resolve("cut.csv.gz"), Arrays.copyOf(gzip, gzip.length / 2));

        assertThatThrownBy(() -> readAll(source, config("url", file.toString())))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(file + ": the gzip-compressed content ends too early or is damaged")
                .hasMessageContaining("the file may be truncated");
    }

    @Test
    void failsClearlyWhenAFileDeclaredGzipIsNot() {
        Path file = write(dir.resolve("plain.csv"), "id\n5\n");

        assertThatThrownBy(() -> readAll(source, config("url", file.toString(), "compression", "gzip")))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not gzip-compressed")
                .hasMessageContaining("set compression to auto or none");
    }
}
