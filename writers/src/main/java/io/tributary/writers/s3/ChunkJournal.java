package io.tributary.writers.s3;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.jsonl.JsonColumnCodec;
import io.tributary.writers.jsonl.JsonLinesTableWriter;
import tools.jackson.databind.JsonNode;

/**
 * The rows of each committed chunk, kept under the sync's hidden staging prefix until the sync
 * completes (gzip JSON Lines, one object per table and chunk). A Parquet file cannot be continued
 * after a crash, and the chunks in the file still open were already committed with the source's
 * position: the journal is how a restarted sync (on any machine) rebuilds that open file, so no
 * committed row is lost and none is written twice.
 */
final class ChunkJournal {

    private static final String SUFFIX = ".jsonl.gz";

    private final S3Objects objects;
    private final String prefix;

    /** @param prefix this sync's staging prefix, ending in {@code /} */
    ChunkJournal(S3Objects objects, String prefix) {
        this.objects = objects;
        this.prefix = prefix;
    }

    /** Collects one chunk's rows of one table. */
    static final class Entry {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        private final JsonLinesTableWriter writer;

        Entry(TableSchema table) {
            try {
                // The journal is read back only after a crash: the fastest compression is enough.
                this.writer = new JsonLinesTableWriter(table, new GZIPOutputStream(bytes, 64 * 1024) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(Object[] values) {
            writer.write(values);
        }

        byte[] finish() {
            writer.close();
            return bytes.toByteArray();
        }
    }

    /** Starts storing one table's rows of a chunk; the chunk may commit only once the returned task is done. */
    Future<?> put(TableSchema table, long chunk, Entry entry) {
        return objects.putAsync(key(table, chunk), entry.finish());
    }

    /** Feeds the journaled rows of {@code table} for chunks {@code from} (inclusive) to {@code to} (exclusive), in order. */
    long replay(TableSchema table, long from, long to, Consumer<Object[]> rows) {
        List<String> keys = objects.list(prefix + table.name() + "/").stream()
                .filter(k -> k.endsWith(SUFFIX))
                .filter(k -> {
                    long chunk = chunkOf(k);
                    return chunk >= from && chunk < to;
                })
                .sorted()
                .toList();
        long count = 0;
        List<Column> columns = table.columns();
        for (String key : keys) {
            try (InputStream in = objects.get(key).orElseThrow(() -> new IllegalStateException("journal " + key + " vanished"));
                 BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 64 * 1024),
                         StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    JsonNode node = JsonColumnCodec.MAPPER.readTree(line);
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = JsonColumnCodec.read(node.get(columns.get(i).name()), columns.get(i).type());
                    }
                    rows.accept(values);
                    count++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read journal s3://" + objects.bucket() + "/" + key + ": " + e.getMessage(), e);
            }
        }
        return count;
    }

    /** Removes journal objects of chunks from {@code chunk} on: what uncommitted chunks left behind. */
    void dropFrom(long chunk) {
        objects.delete(objects.list(prefix).stream()
                .filter(k -> k.endsWith(SUFFIX) && chunkOf(k) >= chunk)
                .toList());
    }

    /** Removes the whole journal of the sync. */
    void dropAll() {
        objects.delete(objects.list(prefix));
    }

    private String key(TableSchema table, long chunk) {
        return prefix + table.name() + "/" + "%012d".formatted(chunk) + SUFFIX;
    }

    private static long chunkOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1, key.length() - SUFFIX.length());
        return Long.parseLong(name);
    }
}
