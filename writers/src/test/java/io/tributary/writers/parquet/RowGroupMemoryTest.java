package io.tributary.writers.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowGroupMemoryTest {

    private static final long MB = 1024L * 1024;
    private static final TableSchema TEXT = new TableSchema(
            "notes",
            "lab",
            List.of(Column.of("id", ColumnType.INTEGER), Column.of("note", ColumnType.STRING)),
            List.of("id"),
            null);

    @TempDir
    Path dir;

    @Test
    void allOpenWritersTogetherStayWithinTheHeapShareOfASmallHeap() {
        RowGroupMemory memory = new RowGroupMemory(256 * MB);
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sizes.add(memory.open(128 * MB));
        }

        long pool = (long) (256 * MB * RowGroupMemory.HEAP_SHARE);
        assertThat(memory.pool()).isEqualTo(pool);
        assertThat(sizes.subList(0, 4))
                .as("a quarter of the pool each, not block_size_mb")
                .containsOnly(pool / 4);
        assertThat(sizes.subList(4, 10))
                .as("the pool is taken: the floor")
                .containsOnly(RowGroupMemory.MIN_ROW_GROUP_BYTES);
        assertThat(memory.allocated())
                .isEqualTo(sizes.stream().mapToLong(Long::longValue).sum())
                .isLessThanOrEqualTo(pool + 6 * RowGroupMemory.MIN_ROW_GROUP_BYTES);
    }

    @Test
    void writersOpenedTogetherOnAModestHeapShareItEqually() {
        RowGroupMemory memory = new RowGroupMemory(2048 * MB); // a pool of 819 MB
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sizes.add(memory.open(128 * MB));
        }

        assertThat(sizes.subList(0, 6))
                .as("block_size_mb while the pool holds it")
                .containsOnly(128 * MB);
        assertThat(sizes.get(6)).isEqualTo(memory.pool() - 6 * 128 * MB);
        assertThat(sizes.get(7)).isEqualTo(RowGroupMemory.MIN_ROW_GROUP_BYTES);
        assertThat(memory.allocated()).isLessThanOrEqualTo(memory.pool() + RowGroupMemory.MIN_ROW_GROUP_BYTES);
    }

    @Test
    void aLargeHeapKeepsBlockSizeMbAndClosedWritersGiveTheirShareBack() {
        RowGroupMemory memory = new RowGroupMemory(16 * 1024 * MB);
        assertThat(memory.open(128 * MB)).isEqualTo(128 * MB);
        assertThat(memory.open(128 * MB)).isEqualTo(128 * MB);

        RowGroupMemory small = new RowGroupMemory(64 * MB);
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sizes.add(small.open(128 * MB));
        }
        long crowded = sizes.get(4);
        sizes.forEach(small::close);
        assertThat(small.openWriters()).isZero();
        assertThat(small.allocated()).isZero();
        assertThat(small.open(128 * MB)).isGreaterThan(crowded);
    }

    @Test
    void aWriterDroppedWithoutCloseGivesItsShareBackWhenCollected() throws InterruptedException {
        RowGroupMemory memory = new RowGroupMemory(256 * MB);
        new ParquetTableWriter(TEXT, OutputStream.nullOutputStream(), ParquetOptions.DEFAULTS, memory);
        assertThat(memory.openWriters()).isEqualTo(1);

        for (int i = 0; i < 50 && memory.openWriters() > 0; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(memory.openWriters()).isZero();
        assertThat(memory.allocated()).isZero();
    }

    @Test
    void rowGroupsNeverShrinkBelowOneMegabyteUnlessAsked() {
        RowGroupMemory tiny = new RowGroupMemory(4 * MB);
        assertThat(tiny.rowGroupSize(128 * MB, 100, 4 * MB)).isEqualTo(RowGroupMemory.MIN_ROW_GROUP_BYTES);
        assertThat(tiny.rowGroupSize(256 * 1024, 100, 4 * MB)).isEqualTo(256 * 1024);
    }

    @Test
    void aWriterUnderASmallHeapFlushesRowGroupsOfItsShareInsteadOfBlockSizeMb() throws IOException {
        RowGroupMemory memory = new RowGroupMemory(16 * MB); // a pool of 6.4 MB for all writers
        Path file = dir.resolve("notes.parquet");
        ParquetTableWriter crowd =
                new ParquetTableWriter(TEXT, OutputStream.nullOutputStream(), ParquetOptions.DEFAULTS, memory);
        ParquetTableWriter writer;
        try (OutputStream out = Files.newOutputStream(file)) {
            writer = new ParquetTableWriter(TEXT, out, ParquetOptions.DEFAULTS, memory);
            for (long i = 0; i < 60_000; i++) {
                writer.write(new Object[] {i, "note number " + i + " " + Long.toHexString(i * 0x9E3779B97F4A7C15L)});
            }
            writer.close();
        }
        crowd.close();

        assertThat(writer.rowGroupBytes())
                .as("a quarter of the 6.4 MB pool, not block_size_mb")
                .isEqualTo(memory.pool() / RowGroupMemory.ASSUMED_WRITERS);
        Map<String, Object> meta = DuckDb.query("SELECT count(DISTINCT row_group_id) AS groups, "
                        + "max(row_group_bytes) AS largest FROM parquet_metadata('" + file + "')")
                .get(0);
        assertThat((Long) meta.get("groups")).isGreaterThan(1);
        assertThat(((Number) meta.get("largest")).longValue()).isLessThanOrEqualTo(writer.rowGroupBytes() * 2);
        assertThat(memory.openWriters()).isZero();
        assertThat(memory.allocated()).isZero();
    }
}
