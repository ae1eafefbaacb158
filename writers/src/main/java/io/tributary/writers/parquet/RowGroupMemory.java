package io.tributary.writers.parquet;

import java.lang.ref.Cleaner;

/**
 * Bounds the memory of the row groups the open Parquet writers of this JVM buffer. parquet-java keeps
 * one row group per open writer in memory until it reaches the row group size; a sync keeps one file
 * open per table of every stream it loads in parallel, so a fixed {@code block_size_mb} (Airbyte's
 * 128 MB) times the open files can exceed a small heap. The pool is {@link #HEAP_SHARE} of the
 * maximum heap. A starting writer gets the smallest of {@code block_size_mb}, an equal share of the
 * pool among the open writers (counting at least {@link #ASSUMED_WRITERS}, since a stream opens its
 * tables' files together and the first must not take the whole pool), and what the open writers left
 * of it; but never less than {@link #MIN_ROW_GROUP_BYTES}. So the open writers' row groups together
 * stay within the pool, plus that floor for each writer beyond what the pool holds.
 * parquet-java's own {@code MemoryManager} does the like for Hadoop's output format only;
 * {@code ParquetWriter} cannot resize a started writer, so a writer keeps its size until it closes.
 */
final class RowGroupMemory {

    /** The part of the maximum heap all buffered row groups together may take. */
    static final double HEAP_SHARE = 0.4;
    /** No row group is made smaller than this (unless block_size_mb asks for less): tiny row groups read slowly. */
    static final long MIN_ROW_GROUP_BYTES = 1024L * 1024;
    /** The fewest writers the pool is shared among: a stream's parent and child tables open together. */
    static final int ASSUMED_WRITERS = 4;

    private static final Cleaner CLEANER = Cleaner.create();
    private static final RowGroupMemory JVM =
            new RowGroupMemory(Runtime.getRuntime().maxMemory());

    private final long pool;
    private int openWriters;
    private long allocated;

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
        long size = rowGroupSize(requestedBytes, openWriters, allocated);
        allocated += size;
        return size;
    }

    /**
     * Ties the share {@link #open} gave {@code writer} to it: the returned cleanable's {@code clean()}
     * gives it back once, when the writer closes or, should a failed loader abandon it unclosed, when
     * it is garbage collected, so a leaked writer does not shrink later writers' row groups for good.
     */
    Cleaner.Cleanable register(Object writer, long rowGroupBytes) {
        return CLEANER.register(writer, () -> close(rowGroupBytes));
    }

    /** Unregisters a writer that {@link #open} gave {@code rowGroupBytes}. */
    synchronized void close(long rowGroupBytes) {
        openWriters = Math.max(0, openWriters - 1);
        allocated = Math.max(0, allocated - rowGroupBytes);
    }

    synchronized int openWriters() {
        return openWriters;
    }

    /** Row group bytes the open writers may buffer together. */
    synchronized long allocated() {
        return allocated;
    }

    long pool() {
        return pool;
    }

    /**
     * The row group size of a writer asking for {@code requestedBytes} when it is one of {@code writers}
     * open writers and the others hold {@code allocatedBytes}.
     */
    long rowGroupSize(long requestedBytes, int writers, long allocatedBytes) {
        long share = Math.min(pool / Math.max(ASSUMED_WRITERS, writers), pool - allocatedBytes);
        return Math.min(requestedBytes, Math.max(Math.min(MIN_ROW_GROUP_BYTES, requestedBytes), share));
    }
}
