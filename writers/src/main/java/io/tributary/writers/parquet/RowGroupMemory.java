package io.tributary.writers.parquet;

/**
 * Bounds the memory of the row groups the open Parquet writers of this JVM buffer. parquet-java keeps
 * one row group per open writer in memory until it reaches the row group size; a sync writes one
 * open file per table of every stream it loads in parallel, so a fixed {@code block_size_mb} (Airbyte's
 * 128 MB) times the open files can exceed a small heap. Each writer gets the smaller of
 * {@code block_size_mb} and an equal share of {@link #HEAP_SHARE} of the maximum heap among the
 * writers open when it starts (parquet-java's own {@code MemoryManager} does the same for Hadoop's
 * output format, which {@code ParquetWriter} does not use). A writer keeps its size once started, so
 * the bound holds as long as writers open in waves of similar size, as the loaders open theirs.
 */
final class RowGroupMemory {

    /** The part of the maximum heap all buffered row groups together may take. */
    static final double HEAP_SHARE = 0.4;
    /** No row group is made smaller than this (unless block_size_mb asks for less): tiny row groups read slowly. */
    static final long MIN_ROW_GROUP_BYTES = 1024L * 1024;

    private static final RowGroupMemory JVM = new RowGroupMemory(Runtime.getRuntime().maxMemory());

    private final long pool;
    private int openWriters;

    RowGroupMemory(long maxHeapBytes) {
        this.pool = (long) (maxHeapBytes * HEAP_SHARE);
    }

    /** The budget of this JVM's heap ({@code Runtime.maxMemory()}). */
    static RowGroupMemory jvm() {
        return JVM;
    }

    /** Registers a writer about to start; returns its row group size, at most {@code requestedBytes}. */
    synchronized long open(long requestedBytes) {
        openWriters++;
        return rowGroupSize(requestedBytes, openWriters);
    }

    /** Unregisters a writer that {@link #open} registered. */
    synchronized void close() {
        openWriters = Math.max(0, openWriters - 1);
    }

    synchronized int openWriters() {
        return openWriters;
    }

    /** The row group size of each of {@code writers} open writers asking for {@code requestedBytes}. */
    long rowGroupSize(long requestedBytes, int writers) {
        long share = pool / Math.max(1, writers);
        return Math.min(requestedBytes, Math.max(Math.min(MIN_ROW_GROUP_BYTES, requestedBytes), share));
    }
}
