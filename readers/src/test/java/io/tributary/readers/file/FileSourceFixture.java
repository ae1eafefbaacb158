package io.tributary.readers.file;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Shared steps of the file source tests: settings, files, a whole read. */
final class FileSourceFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private FileSourceFixture() {}

    /** A validated configuration from alternating keys and values. */
    static ConnectorConfig config(Object... keysAndValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            raw.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return FileSource.SPEC.validate(raw, "sources.test.config");
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static Path write(Path file, String content) {
        return write(file, content, StandardCharsets.UTF_8);
    }

    static Path write(Path file, String content, Charset charset) {
        try {
            return Files.write(file, content.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] bzip2(String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new BZip2CompressorOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] zstd(String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new ZstdCompressorOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip archive holding the entries in the given order (a name ending in / is a directory). */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Path writeBytes(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeGzip(Path file, String content) {
        try {
            return Files.write(file, gzip(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one discovered stream, configured for a full refresh. */
    static ConfiguredStream configured(FileSource source, ConnectorConfig config) {
        Stream stream = source.discover(config).streams().get(0);
        return new ConfiguredStream(
                stream, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, null, null, null);
    }

    /** Discovers, then reads every record of the stream. */
    static List<ObjectNode> readAll(FileSource source, ConnectorConfig config) {
        return readAll(source.reader(config, configured(source, config), Map.of()));
    }

    static List<ObjectNode> readAll(ItemStreamReader<SourceRecord> reader) {
        List<ObjectNode> records = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            for (SourceRecord r = reader.read(); r != null; r = reader.read()) {
                records.add(r.data());
            }
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        } finally {
            reader.close();
        }
        return records;
    }

    /** Records as compact JSON text: exact about number spelling (1.50 stays 1.50) and field order. */
    static List<String> texts(List<ObjectNode> records) {
        return records.stream().map(JsonNode::toString).toList();
    }
}
