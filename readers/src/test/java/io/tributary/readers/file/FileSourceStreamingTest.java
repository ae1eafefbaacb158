package io.tributary.readers.file;

import static io.tributary.readers.file.FileSourceFixture.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

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
                out.write(
                        i + ",customer-" + i + "," + (i % 1000) + "." + (i % 100) + ",2024-01-" + (10 + i % 20) + "\n");
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
                out.write((i == 0 ? "" : ",\n") + "{\"id\":" + i + ",\"customer\":{\"name\":\"c-" + i
                        + "\"},\"amount\":" + i + ".5}");
            }
            out.write("\n]}\n");
        }

        assertReadsInBoundedMemory(file, config("url", file.toString(), "records_path", "data"));
    }

    @Test
    void readsALargeSheetWithoutHoldingItsRows() throws Exception {
        Path file = dir.resolve("big.xlsx");
        // POI's streaming writer, so that writing the test file does not need the heap either.
        try (SXSSFWorkbook book = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Data");
            Row header = sheet.createRow(0);
            String[] names = {"id", "amount", "region", "ok"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int i = 1; i <= ROWS / 2; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(i);
                row.createCell(1).setCellValue(i + 0.25);
                row.createCell(2).setCellValue("region " + (i % 5));
                row.createCell(3).setCellValue(i % 2 == 0);
            }
            book.write(out);
        }

        // Measured from before the open: a reader that loads the workbook model up front (over 100 MB for
        // this sheet) would have grown before the first row.
        long rowsRead = assertReadsInBoundedMemory(file, config("url", file.toString()), 16L * 1024 * 1024, true);

        assertThat(rowsRead).isEqualTo(ROWS / 2);
    }

    private void assertReadsInBoundedMemory(Path file, ConnectorConfig config) throws Exception {
        long fileSize = Files.size(file);
        assertThat(assertReadsInBoundedMemory(file, config, fileSize / 4, false))
                .isEqualTo(ROWS);
    }

    /**
     * Reads every record and checks that the heap in use grows by less than {@code maxGrowth}, from
     * the 10,000th record on, or from before the open when {@code fromOpen}.
     */
    private long assertReadsInBoundedMemory(Path file, ConnectorConfig config, long maxGrowth, boolean fromOpen)
            throws Exception {
        long fileSize = Files.size(file);
        ItemStreamReader<SourceRecord> reader =
                source.reader(config, FileSourceFixture.configured(source, config), Map.of());
        long baseline = fromOpen ? heapInUse() : 0;
        reader.open(new ExecutionContext());
        long read = 0;
        try {
            for (SourceRecord record = reader.read(); record != null; record = reader.read()) {
                read++;
                if (read == 10_000) {
                    if (fromOpen) {
                        assertThat(heapInUse() - baseline)
                                .as("heap in use after 10,000 records")
                                .isLessThan(maxGrowth);
                    } else {
                        baseline = heapInUse();
                    }
                }
            }
            long growth = heapInUse() - baseline;

            // Keeping the records (or the file's text) would take several times the file's size.
            assertThat(growth)
                    .as("heap kept while reading a %d-byte file", fileSize)
                    .isLessThan(maxGrowth);
            return read;
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
