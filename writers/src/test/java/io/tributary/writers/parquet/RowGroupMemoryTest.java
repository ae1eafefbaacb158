package io.tributary.writers.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowGroupMemoryTest {

    private static final long MB = 1024L * 1024;
    private static final TableSchema TEXT = new TableSchema("notes", "lab", List.of(
            Column.of("id", ColumnType.INTEGER), Column.of("note", ColumnType.STRING)), List.of("id"), null);

    @TempDir
    Path dir;

    @Test
    void allOpenWritersTogetherStayWithinTheHeapShareOfASmallHeap() {
        RowGroupMemory memory = new RowGroupMemory(256 * MB);
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sizes.add(memory.open(128 * MB));
        }

        long together = memory.rowGroupSize(128 * MB, 10) * 10;
        assertThat(together).isLessThanOrEqualTo((long) (256 * MB * RowGroupMemory.HEAP_SHARE));
        assertThat(sizes.get(0)).as("one writer alone gets the whole share, not block_size_mb")
                .isEqualTo((long) (256 * MB * RowGroupMemory.HEAP_SHARE));
        assertThat(sizes.get(9)).isEqualTo((long) (256 * MB * RowGroupMemory.HEAP_SHARE) / 10);
    }

    @Test
    void aLargeHeapKeepsBlockSizeMbAndClosedWritersGiveTheirShareBack() {
        RowGroupMemory memory = new RowGroupMemory(16 * 1024 * MB);
        assertThat(memory.open(128 * MB)).isEqualTo(128 * MB);
        assertThat(memory.open(128 * MB)).isEqualTo(128 * MB);

        RowGroupMemory small = new RowGroupMemory(64 * MB);
        small.open(128 * MB);
        long crowded = small.open(128 * MB);
        small.close();
        small.close();
        assertThat(small.openWriters()).isZero();
        assertThat(small.open(128 * MB)).isGreaterThan(crowded);
    }

    @Test
    void rowGroupsNeverShrinkBelowOneMegabyteUnlessAsked() {
        RowGroupMemory tiny = new RowGroupMemory(4 * MB);
        assertThat(tiny.rowGroupSize(128 * MB, 100)).isEqualTo(RowGroupMemory.MIN_ROW_GROUP_BYTES);
        assertThat(tiny.rowGroupSize(256 * 1024, 100)).isEqualTo(256 * 1024);
    }

    @Test
    void aWriterUnderASmallHeapFlushesRowGroupsOfItsShareInsteadOfBlockSizeMb() throws IOException {
        RowGroupMemory memory = new RowGroupMemory(8 * MB); // a share of 3.2 MB for all writers
        Path file = dir.resolve("notes.parquet");
        ParquetTableWriter crowd = new ParquetTableWriter(TEXT, OutputStream.nullOutputStream(), ParquetOptions.DEFAULTS, memory);
        ParquetTableWriter writer;
        try (OutputStream out = Files.newOutputStream(file)) {
            writer = new ParquetTableWriter(TEXT, out, ParquetOptions.DEFAULTS, memory);
            for (long i = 0; i < 60_000; i++) {
                writer.write(new Object[] {i, "note number " + i + " " + Long.toHexString(i * 0x9E3779B97F4A7C15L)});
            }
            writer.close();
        }
        crowd.close();

        assertThat(writer.rowGroupBytes()).isEqualTo((long) (8 * MB * RowGroupMemory.HEAP_SHARE) / 2);
        Map<String, Object> meta = DuckDb.query("SELECT count(DISTINCT row_group_id) AS groups, "
                + "max(row_group_bytes) AS largest FROM parquet_metadata('" + file + "')").get(0);
        assertThat((Long) meta.get("groups")).isGreaterThan(1);
        assertThat(((Number) meta.get("largest")).longValue()).isLessThanOrEqualTo(writer.rowGroupBytes() * 2);
        assertThat(memory.openWriters()).isZero();
    }
}
