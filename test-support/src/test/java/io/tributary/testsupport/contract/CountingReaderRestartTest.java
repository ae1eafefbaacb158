package io.tributary.testsupport.contract;

import java.util.List;
import java.util.stream.IntStream;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/** The contract run against Spring Batch's own restartable counting reader: a reference that must pass. */
class CountingReaderRestartTest extends ReaderRestartContract<Integer> {

    private static final List<Integer> ITEMS =
            IntStream.rangeClosed(1, 20).boxed().toList();

    @Override
    protected ItemStreamReader<Integer> newReader() {
        AbstractItemCountingItemStreamItemReader<Integer> reader = new AbstractItemCountingItemStreamItemReader<>() {
            private int next;

            @Override
            protected Integer doRead() {
                return next < ITEMS.size() ? ITEMS.get(next++) : null;
            }

            @Override
            protected void doOpen() {
                next = 0;
            }

            @Override
            protected void doClose() {}

            @Override
            protected void jumpToItem(int itemIndex) {
                next = itemIndex;
            }
        };
        reader.setName("numbers");
        return reader;
    }

    @Override
    protected int expectedTotal() {
        return ITEMS.size();
    }
}
