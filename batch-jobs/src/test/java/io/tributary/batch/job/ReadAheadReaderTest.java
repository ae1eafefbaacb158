package io.tributary.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

class ReadAheadReaderTest {

    /** Numbers from its saved position up to {@code count}; fails at {@code failAt}; remembers its threads. */
    static final class Numbers implements ItemStreamReader<Long> {
        final long count;
        final long failAt;
        long next;
        volatile boolean closed;
        final AtomicReference<String> readThread = new AtomicReference<>();

        Numbers(long count, long failAt) {
            this.count = count;
            this.failAt = failAt;
        }

        @Override
        public void open(ExecutionContext context) {
            next = context.getLong("numbers.next", 0L);
        }

        @Override
        public Long read() {
            readThread.set(Thread.currentThread().getName());
            if (next == failAt) {
                throw new ItemStreamException("record " + next + " is broken");
            }
            return next < count ? next++ : null;
        }

        @Override
        public void update(ExecutionContext context) {
            context.putLong("numbers.next", next);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** What a chunk step does: take chunkSize records, then save the position; returns the records taken. */
    private static List<Long> chunk(ItemStreamReader<Long> reader, int chunkSize, ExecutionContext context)
            throws Exception {
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < chunkSize; i++) {
            Long record = reader.read();
            if (record == null) {
                break;
            }
            taken.add(record);
        }
        reader.update(context);
        return taken;
    }

    @Test
    void handsOverEveryRecordInOrderFromAnotherThread() throws Exception {
        Numbers source = new Numbers(10_000, -1);
        ReadAheadReader<Long> reader = new ReadAheadReader<>(source, 1000, "read-ahead-test");
        reader.open(new ExecutionContext());
        List<Long> all = new ArrayList<>();
        Long record;
        while ((record = reader.read()) != null) {
            all.add(record);
        }
        reader.close();
        assertThat(all).hasSize(10_000);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i)).isEqualTo(i);
        }
        assertThat(source.readThread.get()).isEqualTo("read-ahead-test");
        assertThat(source.closed).isTrue();
        assertThat(reader.read()).isNull();
    }

    @Test
    void savesThePositionAfterTheLastRecordHandedOverNotTheLastReadAhead() throws Exception {
        Numbers source = new Numbers(2_500, -1);
        ReadAheadReader<Long> reader = new ReadAheadReader<>(source, 1000, "read-ahead-test");
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        reader.update(context);
        assertThat(context.getLong("numbers.next")).isZero();
        assertThat(chunk(reader, 1000, context)).hasSize(1000);
        Thread.sleep(50); // the read-ahead thread is further by now
        assertThat(context.getLong("numbers.next")).isEqualTo(1000);
        assertThat(chunk(reader, 1000, context)).hasSize(1000);
        assertThat(context.getLong("numbers.next")).isEqualTo(2000);
        assertThat(chunk(reader, 1000, context)).hasSize(500);
        assertThat(context.getLong("numbers.next")).isEqualTo(2500);
        reader.close();
    }

    @Test
    void aRestartFromTheSavedPositionContinuesExactlyWhereTheCommittedChunksEnded() throws Exception {
        ExecutionContext committed = new ExecutionContext();
        ReadAheadReader<Long> first = new ReadAheadReader<>(new Numbers(5_000, -1), 700, "first");
        first.open(committed);
        List<Long> loaded = new ArrayList<>(chunk(first, 700, committed));
        loaded.addAll(chunk(first, 700, committed));
        chunk(first, 700, new ExecutionContext()); // read but never committed: the process dies
        first.close();

        ReadAheadReader<Long> second = new ReadAheadReader<>(new Numbers(5_000, -1), 700, "second");
        second.open(committed);
        List<Long> rest;
        while (!(rest = chunk(second, 700, committed)).isEmpty()) {
            loaded.addAll(rest);
        }
        second.close();
        assertThat(loaded).hasSize(5_000).doesNotHaveDuplicates();
        assertThat(loaded.get(1400)).isEqualTo(1400);
    }

    @Test
    void refusesToSaveAPositionBetweenChunkBoundaries() throws Exception {
        ReadAheadReader<Long> reader = new ReadAheadReader<>(new Numbers(100, -1), 10, "read-ahead-test");
        reader.open(new ExecutionContext());
        reader.read();
        assertThatThrownBy(() -> reader.update(new ExecutionContext()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("position after 1 records, which is not a chunk boundary (chunk size 10)");
        reader.close();
    }

    @Test
    void theSourcesFailureReachesTheStepAtTheRecordWhereItHappened() throws Exception {
        ReadAheadReader<Long> reader = new ReadAheadReader<>(new Numbers(1_000, 555), 100, "read-ahead-test");
        reader.open(new ExecutionContext());
        for (long i = 0; i < 555; i++) {
            assertThat(reader.read()).isEqualTo(i);
        }
        assertThatThrownBy(reader::read).isInstanceOf(ItemStreamException.class).hasMessage("record 555 is broken");
        reader.close();
    }

    @Test
    void closeStopsAReadAheadThreadWaitingForRoomAndClosesTheSource() throws Exception {
        Numbers endless = new Numbers(Long.MAX_VALUE, -1);
        ReadAheadReader<Long> reader = new ReadAheadReader<>(endless, 1000, "read-ahead-endless");
        reader.open(new ExecutionContext());
        assertThat(reader.read()).isZero();
        Thread.sleep(50);
        long start = System.nanoTime();
        reader.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(endless.closed).isTrue();
        AtomicBoolean alive = new AtomicBoolean();
        Thread.getAllStackTraces()
                .keySet()
                .forEach(t -> alive.compareAndSet(false, t.getName().equals("read-ahead-endless")));
        assertThat(alive).isFalse();
    }

    @Test
    void keepsAtMostAboutAChunkAhead() throws Exception {
        Numbers source = new Numbers(1_000_000, -1);
        ReadAheadReader<Long> reader = new ReadAheadReader<>(source, 2000, "read-ahead-test");
        reader.open(new ExecutionContext());
        reader.read();
        Thread.sleep(200);
        assertThat(source.next).isLessThanOrEqualTo(2000 + 2 * ReadAheadReader.BLOCK + 1);
        reader.close();
    }
}
