package io.tributary.batch.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a stream ahead of the chunk being written, on a thread of its own, so that the source
 * fetches and converts the next records while the destination loads the current chunk. At most
 * about one chunk (and never more than {@value #MAX_AHEAD} records) waits in a bounded queue, so
 * memory stays bounded.
 *
 * <h2>Positions stay exact</h2>
 * The step saves the reader's position when a chunk commits, and that position must be the one after
 * the last record handed to the step, not after the last record read ahead. The step takes exactly
 * {@code chunkSize} records per chunk, so the read-ahead thread asks the source reader for its
 * position ({@code update} into a fresh context) right after each {@code chunkSize}-th record and
 * once the source is exhausted, and passes that snapshot along with the record. {@link #update}
 * saves the snapshot of the last record handed; asked between chunk boundaries (which a chunk step
 * never does) it fails rather than save a wrong position. Only readers marked
 * {@link io.tributary.connector.source.ReadAheadSafe} are read ahead, because their {@code update}
 * does nothing but save the position.
 *
 * <p>Records cross between the threads in blocks of up to {@value #BLOCK}, so the threads do not wake
 * each other for every record. A failure of the source reader reaches the step at the record where it
 * happened, as the exception the reader threw.
 *
 * @param <T> the record type
 */
final class ReadAheadReader<T> implements ItemStreamReader<T> {

    static final int BLOCK = 256;
    static final int MAX_AHEAD = 10_000;
    private static final long STOP_WAIT_MILLIS = 30_000;

    private final ItemStreamReader<T> source;
    private final int chunkSize;
    private final String threadName;
    private final int blockSize;
    private final BlockingQueue<List<Entry<T>>> queue;
    private volatile boolean stopping;
    private Thread thread;

    // The step's side.
    private List<Entry<T>> block = List.of();
    private int next;
    private long handed;
    private boolean exhausted;
    private ExecutionContext position;

    /** A record with, at chunk boundaries, the source's position after it; or the end; or the source's failure. */
    private record Entry<T>(T record, ExecutionContext positionAfter, Throwable failure) {}

    /**
     * @param chunkSize the step's chunk size: the records the step takes between two {@link #update}s
     * @param threadName the name of the read-ahead thread
     */
    ReadAheadReader(ItemStreamReader<T> source, int chunkSize, String threadName) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, was " + chunkSize);
        }
        this.source = source;
        this.chunkSize = chunkSize;
        this.threadName = threadName;
        this.blockSize = Math.min(BLOCK, chunkSize);
        int ahead = Math.min(chunkSize, MAX_AHEAD);
        this.queue = new LinkedBlockingQueue<>(Math.max(1, ahead / blockSize));
    }

    @Override
    public void open(ExecutionContext context) {
        source.open(context);
        position = snapshot();
        thread = new Thread(this::readAhead, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private ExecutionContext snapshot() {
        ExecutionContext snapshot = new ExecutionContext();
        source.update(snapshot);
        return snapshot;
    }

    /** The read-ahead thread: reads until the source is exhausted, fails, or the step closes the reader. */
    private void readAhead() {
        List<Entry<T>> filling = new ArrayList<>(blockSize);
        long read = 0;
        try {
            while (!stopping) {
                T record = source.read();
                if (record == null) {
                    filling.add(new Entry<>(null, snapshot(), null));
                    break;
                }
                read++;
                filling.add(new Entry<>(record, read % chunkSize == 0 ? snapshot() : null, null));
                if (filling.size() == blockSize) {
                    queue.put(filling);
                    filling = new ArrayList<>(blockSize);
                }
            }
        } catch (InterruptedException e) {
            return; // the step closed the reader
        } catch (Throwable e) { // handed to the step, which fails with it
            filling.add(new Entry<>(null, null, e));
        }
        try {
            if (!stopping) {
                queue.put(filling);
            }
        } catch (InterruptedException e) {
            // the step closed the reader
        }
    }

    @Override
    public T read() throws Exception {
        if (exhausted) {
            return null;
        }
        if (next == block.size()) {
            block = take();
            next = 0;
        }
        Entry<T> entry = block.get(next++);
        if (entry.failure() != null) {
            exhausted = true;
            throw rethrown(entry.failure());
        }
        if (entry.record() == null) {
            exhausted = true;
            position = entry.positionAfter();
            return null;
        }
        handed++;
        if (entry.positionAfter() != null) {
            position = entry.positionAfter();
        }
        return entry.record();
    }

    private List<Entry<T>> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException(threadName + ": interrupted while waiting for records", e);
        }
    }

    private static Exception rethrown(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (Exception) failure;
    }

    @Override
    public void update(ExecutionContext context) {
        if (!exhausted && handed % chunkSize != 0) {
            throw new IllegalStateException(threadName + ": the step asked for the position after " + handed
                    + " records, which is not a chunk boundary (chunk size " + chunkSize
                    + "); read-ahead only knows the "
                    + "position at chunk boundaries");
        }
        for (Map.Entry<String, Object> e : position.entrySet()) {
            context.put(e.getKey(), e.getValue());
        }
    }

    @Override
    public void close() {
        stopping = true;
        try {
            if (thread != null) {
                thread.interrupt();
                queue.clear();
                thread.join(STOP_WAIT_MILLIS);
                thread = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            source.close();
        }
    }
}
