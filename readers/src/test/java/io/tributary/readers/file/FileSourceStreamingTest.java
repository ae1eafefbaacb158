package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;

/**
 * Reads generated files far larger than what the reader may keep, measuring the heap that stays
 * in use (after a full collection) between the start and the end of the read.
 */
class FileSourceStreamingTest {

    private static final int ROWS = 200_000;

    @TempDir
    Path dir;

    private final FileSource source = new FileSource();

    @Test
    void readsALargeCsvFileWithoutHoldingItsRecords() throws Exception {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("id,customer,amount,day\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(i + ",customer-" + i + "," + (i % 1000) + "." + (i % 100) + ",2024-01-" + (10 + i % 20) + "\n");
            }
        }

        assertReadsInBoundedMemory(file, config("url", file.toString()));
    }

    @Test
    void readsALargeJsonLinesFileWithoutHoldingItsRecords() throws Exception {
        Path file = dir.resolve("big.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < ROWS; i++) {
                out.write("{\"id\":" + i + ",\"customer\":{\"name\":\"c-" + i + "\"},\"tags\":[" + (i % 7) + "]}\n");
            }
        }

        assertReadsInBoundedMemory(file, config("url", file.toString()));
    }

    @Test
    void readsALargeJsonArrayWithoutHoldingItsRecords() throws Exception {
        Path file = dir.resolve("big.json");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"data\": [\n");
            for (int i = 0; i < ROWS; i++) {
                out.write((i == 0 ? "" : ",\n") + "{\"id\":" + i + ",\"customer\":{\"name\":\"c-" + i + "\"},\"amount\":" + i + ".5}");
            }
            out.write("\n]}\n");
        }

        assertReadsInBoundedMemory(file, config("url", file.toString(), "records_path", "data"));
    }

    private void assertReadsInBoundedMemory(Path file, ConnectorConfig config) throws Exception {
        long fileSize = Files.size(file);
        ItemStreamReader<SourceRecord> reader = source.reader(config, FileSourceFixture.configured(source, config), Map.of());
        reader.open(new ExecutionContext());
        long read = 0;
        long baseline = 0;
        try {
            for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                read++;
                if (read == 10_000) {
                    baseline = heapInUse();
                }
            }
            long growth = heapInUse() - baseline;

            assertThat(read).isEqualTo(ROWS);
            // Keeping the records (or the file's text) would take several times the file's size.
            assertThat(growth).as("heap kept while reading a %d-byte file", fileSize).isLessThan(fileSize / 4);
        } finally {
            reader.close();
        }
    }

    private static long heapInUse() throws IOException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
