package io.tributary.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.TableRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A multi-threaded step runs one processor on several threads at once. */
class ConcurrentProcessingTest {

    @Test
    void givesTheSameRowsWhenThreadsShareOneNormalizer() throws Exception {
        StreamNormalizer normalizer = StreamFixtures.normalizer("customers", StreamFixtures.CUSTOMERS_SCHEMA);
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            records.add(StreamFixtures.record("{\"id\": " + i + ", \"name\": \"n" + i
                    + "\", \"contact\": {\"email\": \"e" + i + "\"}, \"addresses\": [{\"city\": \"c" + i + "\"}"
                    + (i % 3 == 0 ? ", {\"city\": \"x\"}" : "") + "]}"));
        }
        List<String> expected = records.stream()
                .map(r -> describe(normalizer.process(r).rows()))
                .toList();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> records.stream()
                        .map(r -> describe(normalizer.process(r).rows()))
                        .toList()));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String describe(List<TableRow> rows) {
        StringBuilder out = new StringBuilder();
        for (TableRow row : rows) {
            Object[] values = row.values().clone();
            values[row.table().indexOf(MetadataColumns.AB_ID)] = null;
            out.append(row.table().name()).append(Arrays.toString(values));
        }
        return out.toString();
    }
}
