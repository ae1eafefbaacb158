package io.tributary.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The restart contract every source reader passes: a step that crashes after committing {@code k}
 * chunks and restarts from the last committed {@link ExecutionContext} reads exactly what one
 * uninterrupted read would, with no record lost and none read twice.
 *
 * <p>The simulation follows what Spring Batch does: after each chunk of {@link #chunkSize()} items
 * it calls {@code update} and commits a copy of the context; the crash happens in the middle of the
 * next chunk (the items read since the last commit are discarded, and the reader is closed without
 * {@code update}), or while that chunk commits (its {@code update} ran, inside the chunk's
 * transaction, but the commit never happened: the copy stays the previous one); a NEW reader is
 * opened with the committed copy and reads the rest. This runs for {@code k} = 0, 1, the middle, the
 * last full chunk and the end.
 *
 * <p>Subclasses give a factory of fresh readers over the same data and the number of items it
 * holds; {@link #comparable(Object)} maps an item to what must be equal between runs (for example
 * a record's data without its emission time).
 *
 * <h2>Sources that keep state outside the ExecutionContext</h2>
 * A streaming source such as PostgreSQL change capture also moves state on the server as it reads:
 * it acknowledges to the server (which then forgets) what committed chunks hold, so the same changes
 * cannot be read twice from one start. Its contract overrides {@link #prepareRun()} to put that state
 * back before each run (a replication slot restored to the same position, say), so that every run
 * reads the same data. Nothing is put back between the crash and the restart: the restarted reader
 * must find on the server everything the committed context does not hold, which is what acknowledging
 * only committed chunks promises, and {@link #afterCrash(ExecutionContext)} may check that state
 * directly. The meaning is unchanged: what the crashed reader committed plus what the restarted
 * reader reads is exactly one uninterrupted read.
 *
 * @param <T> the item type
 */
public abstract class ReaderRestartContract<T> {

    /** A new, unopened reader over the test data; called for every reader a run opens (two in a run with a crash). */
    protected abstract ItemStreamReader<T> newReader() throws Exception;

    /** How many items one uninterrupted read returns. */
    protected abstract int expectedTotal();

    /** Items per simulated chunk (default 3); choose so that the data spans several chunks. */
    protected int chunkSize() {
        return 3;
    }

    /** What of an item must be the same in every run (default: the item itself). */
    protected Object comparable(T item) {
        return item;
    }

    /**
     * Puts state the reader keeps outside the ExecutionContext back where every run starts; called
     * once at the start of each run, before its first {@link #newReader()}. Default: nothing (a reader
     * whose whole state is its context needs nothing).
     */
    protected void prepareRun() throws Exception {}

    /**
     * Called after the crashed reader was closed and before the restarted one opens, with the context
     * the restart gets: a place to check that the reader's state outside the context (what it
     * acknowledged to a server, say) does not go beyond that context. Default: nothing.
     */
    protected void afterCrash(ExecutionContext committed) throws Exception {}

    @Test
    void anUninterruptedReadReturnsTheExpectedNumberOfItems() throws Exception {
        assertThat(readAll()).hasSize(expectedTotal());
    }

    @Test
    void aReaderReopenedAtTheEndReadsNothingMore() throws Exception {
        prepareRun();
        ExecutionContext committed = new ExecutionContext();
        ItemStreamReader<T> first = newReader();
        first.open(committed);
        while (first.read() != null) {
            // drain
        }
        first.update(committed);
        first.close();

        ItemStreamReader<T> second = newReader();
        second.open(new ExecutionContext(committed));
        try {
            assertThat(second.read())
                    .as("an item after restarting a finished read")
                    .isNull();
        } finally {
            second.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> resumesAfterTheLastCommittedChunkWithoutLossOrDuplicates() throws Exception {
        List<Object> uninterrupted = readAll();
        int n = chunkSize();
        int fullChunks = uninterrupted.size() / n;
        Set<Integer> ks = new LinkedHashSet<>(List.of(0, 1, fullChunks / 2, Math.max(fullChunks - 1, 0), fullChunks));
        return ks.stream()
                .filter(k -> k <= fullChunks)
                .flatMap(k -> Stream.of(
                        DynamicTest.dynamicTest(
                                "crash after " + k + " committed chunk(s) of " + n,
                                () -> assertThat(readWithCrashAfter(k, false))
                                        .as("items of a read restarted after %d chunks", k)
                                        .containsExactlyElementsOf(uninterrupted)),
                        DynamicTest.dynamicTest(
                                "crash after " + k + " committed chunk(s) of " + n + ", while committing the next",
                                () -> assertThat(readWithCrashAfter(k, true))
                                        .as("items of a read restarted after %d chunks and a failed commit", k)
                                        .containsExactlyElementsOf(uninterrupted))));
    }

    private List<Object> readAll() throws Exception {
        prepareRun();
        ItemStreamReader<T> reader = newReader();
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        List<Object> items = new ArrayList<>();
        try {
            for (T item = reader.read(); item != null; item = reader.read()) {
                items.add(comparable(item));
                if (items.size() % chunkSize() == 0) {
                    reader.update(context);
                }
            }
            reader.update(context);
        } finally {
            reader.close();
        }
        return items;
    }

    /**
     * @param duringCommit the chunk in flight is read whole and {@code update}d, then the commit fails;
     *     else the crash comes after part of it was read
     */
    private List<Object> readWithCrashAfter(int committedChunks, boolean duringCommit) throws Exception {
        prepareRun();
        List<Object> committedItems = new ArrayList<>();
        ExecutionContext live = new ExecutionContext();
        ExecutionContext committed = new ExecutionContext();
        ItemStreamReader<T> first = newReader();
        first.open(live);
        try {
            for (int chunk = 0; chunk < committedChunks; chunk++) {
                for (int i = 0; i < chunkSize(); i++) {
                    T item = first.read();
                    assertThat(item).as("item %d of chunk %d", i, chunk).isNotNull();
                    committedItems.add(comparable(item));
                }
                first.update(live);
                committed = snapshot(live);
            }
            // The chunk in flight when the step dies: read, never committed.
            int inFlight = duringCommit ? chunkSize() : chunkSize() - 1;
            for (int i = 0; i < inFlight && first.read() != null; i++) {
                // discarded
            }
            if (duringCommit) {
                first.update(live); // what it saves is rolled back with the chunk: committed stays as it was
            }
        } finally {
            first.close();
        }
        afterCrash(snapshot(committed));

        ItemStreamReader<T> second = newReader();
        second.open(snapshot(committed));
        try {
            for (T item = second.read(); item != null; item = second.read()) {
                committedItems.add(comparable(item));
            }
        } finally {
            second.close();
        }
        return committedItems;
    }

    /** What the job repository stores: a copy, so later changes to the live context cannot leak in. */
    private static ExecutionContext snapshot(ExecutionContext live) {
        for (Map.Entry<String, Object> e : live.entrySet()) {
            assertThat(e.getValue())
                    .as("state %s must be storable in the job repository", e.getKey())
                    .isInstanceOf(Serializable.class);
        }
        return new ExecutionContext(live);
    }
}
