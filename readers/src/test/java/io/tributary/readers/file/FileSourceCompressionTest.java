package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static io.tributary.readers.file.FileSourceFixture.readAll;
import static io.tributary.readers.file.FileSourceFixture.texts;
import static io.tributary.readers.file.FileSourceFixture.write;
import static io.tributary.readers.file.FileSourceFixture.writeGzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ItemStreamException;

class FileSourceCompressionTest {

    @TempDir
    Path dir;

    private final FileSource source = new FileSource();

    @Test
    void readsAGzipCsvFileNamedDotGz() {
        Path file = writeGzip(dir.resolve("orders.csv.gz"), "id,name\n1,Ada\n");

        assertThat(source.discover(config("url", file.toString())).streams().get(0).name()).isEqualTo("orders");
        assertThat(texts(readAll(source, config("url", file.toString())))).containsExactly("{\"id\":1,\"name\":\"Ada\"}");
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

        assertThat(texts(readAll(source, config("url", file.toString(), "compression", "gzip")))).containsExactly("{\"id\":5}");
    }

    @Test
    void readsTheBytesAsTheyAreWhenCompressionIsNone() {
        Path file = write(dir.resolve("plain.csv.gz"), "id\n5\n");

        assertThat(texts(readAll(source, config("url", file.toString(), "compression", "none")))).containsExactly("{\"id\":5}");
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
