package io.tributary.writers.s3;

import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.format.JournalRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The rows of each committed chunk, kept under the sync's hidden staging prefix until the sync
 * completes (one object per table and chunk, in {@link JournalRows}' binary format). A Parquet file
 * cannot be continued after a crash, and the chunks in the file still open were already committed
 * with the source's position: the journal is how a restarted sync (on any machine) rebuilds that open
 * file, so no committed row is lost and none is written twice. A chunk's rows are encoded and uploaded
 * on an upload thread while the step encodes the same rows into the data files.
 */
final class ChunkJournal {

    private static final String SUFFIX = ".rows";

    private final S3Objects objects;
    private final String prefix;

    /** @param prefix this sync's staging prefix, ending in {@code /} */
    ChunkJournal(S3Objects objects, String prefix) {
        this.objects = objects;
        this.prefix = prefix;
    }

    /** Collects one chunk's rows of one table. */
    static final class Entry {
        private final List<Object[]> rows = new ArrayList<>();

        void write(Object[] values) {
            rows.add(values);
        }
    }

    /** Starts storing one table's rows of a chunk; the chunk may commit only once the returned task is done. */
    Future<?> put(TableSchema table, long chunk, Entry entry) {
        return objects.putAsync(key(table, chunk), () -> JournalRows.encode(table, entry.rows));
    }

    /** Feeds the journaled rows of {@code table} for chunks {@code from} (inclusive) to {@code to} (exclusive), in order. */
    long replay(TableSchema table, long from, long to, Consumer<Object[]> rows) {
        List<String> keys = objects.list(prefix + table.name() + "/").stream()
                .filter(ChunkJournal::isJournal)
                .filter(k -> {
                    long chunk = chunkOf(k);
                    return chunk >= from && chunk < to;
                })
                .sorted()
                .toList();
        long count = 0;
        for (String key : keys) {
            try (InputStream in =
                    objects.get(key).orElseThrow(() -> new IllegalStateException("journal " + key + " vanished"))) {
                count += JournalRows.decode(table, in, rows);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read journal s3://" + objects.bucket() + "/" + key + ": " + e.getMessage(), e);
            }
        }
        return count;
    }

    /** Removes journal objects of chunks from {@code chunk} on: what uncommitted chunks left behind. */
    void dropFrom(long chunk) {
        objects.delete(objects.list(prefix).stream()
                .filter(k -> isJournal(k) && chunkOf(k) >= chunk)
                .toList());
    }

    /** Removes the whole journal of the sync. */
    void dropAll() {
        objects.delete(objects.list(prefix));
    }

    private String key(TableSchema table, long chunk) {
        String number = Long.toString(chunk);
        return prefix + table.name() + "/" + "0".repeat(Math.max(0, 12 - number.length())) + number + SUFFIX;
    }

    private static boolean isJournal(String key) {
        return key.endsWith(SUFFIX);
    }

    private static long chunkOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }
}
