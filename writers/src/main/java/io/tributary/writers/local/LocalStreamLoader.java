package io.tributary.writers.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.naming.NamingConvention;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.format.StreamFiles;
import io.tributary.writers.format.TableFileWriter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Loads one stream into local files. Each chunk becomes one staged file per table in the table's
 * hidden {@code .staging-<syncId>} directory; the number of chunks written is saved in
 * {@link #update}, so after a crash {@link #open} drops the parts of chunks that never committed.
 * {@link #complete()} moves the staged files in (renames, so every file appears whole) and, for
 * overwrite, only then deletes the files of earlier syncs. Re-running it after a crash finishes the
 * same work.
 */
final class LocalStreamLoader implements StreamLoader {

    private final LocalConfig config;
    private final DestinationSyncMode mode;
    private final long syncId;
    private final String chunksKey;
    private final StreamFiles streamFiles;
    private final Map<String, TableDirectory> tables = new LinkedHashMap<>();

    private long nextChunk;
    /** Chunks known to be committed: from the saved context, or {@code null} when never opened. */
    private Long committedChunks;

    LocalStreamLoader(LocalConfig config, ConfiguredStream stream, StreamTables streamTables, LoadContext context) {
        this.config = config;
        this.mode = stream.destinationSyncMode();
        this.syncId = context.syncId();
        String namespace = stream.destinationNamespace() == null || stream.destinationNamespace().isBlank()
                ? "default" : NamingConvention.FILES.identifier(stream.destinationNamespace());
        Path namespaceDir = config.destinationPath().resolve(namespace);
        this.streamFiles = new StreamFiles(streamTables);
        for (TableSchema table : streamFiles.tables()) {
            Path dir = namespaceDir.resolve(NamingConvention.FILES.identifier(table.name()));
            tables.put(table.name(), new TableDirectory(table, dir, syncId));
        }
        this.chunksKey = stream.destinationName() + ".local.chunks";
    }

    @Override
    public void open(ExecutionContext context) {
        nextChunk = context.getLong(chunksKey, 0L);
        committedChunks = nextChunk;
        tables.values().forEach(t -> t.recover(nextChunk));
    }

    @Override
    public void write(Chunk<? extends NormalizedRecord> chunk) {
        long chunkNo = nextChunk;
        Map<String, TableFileWriter> writers = new HashMap<>();
        Map<String, DurableFile> files = new HashMap<>();
        try {
            for (NormalizedRecord record : chunk) {
                for (TableRow row : streamFiles.rows(record)) {
                    String name = row.table().name();
                    TableFileWriter writer = writers.get(name);
                    if (writer == null) {
                        TableDirectory dir = table(name);
                        DurableFile file = dir.newPart(chunkNo, config.format().extension());
                        files.put(name, file);
                        writer = config.format().open(dir.table(), file.stream());
                        writers.put(name, writer);
                    }
                    writer.write(row.values());
                }
            }
            for (Map.Entry<String, TableFileWriter> e : writers.entrySet()) {
                e.getValue().close();
                files.get(e.getKey()).publish();
            }
        } catch (RuntimeException e) {
            files.values().forEach(DurableFile::discard);
            tables.values().forEach(t -> t.discardChunk(chunkNo));
            throw e;
        }
        nextChunk = chunkNo + 1;
    }

    private TableDirectory table(String name) {
        TableDirectory dir = tables.get(name);
        if (dir == null) {
            throw new IllegalStateException("a row of table '" + name + "' is not one of this stream's tables "
                    + tables.keySet() + "; normalization and loader disagree on the stream's tables");
        }
        return dir;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(chunksKey, nextChunk);
        committedChunks = nextChunk;
    }

    @Override
    public void complete() {
        long epoch = System.currentTimeMillis();
        // All new files in place before any old one goes: a reader always finds the previous data or the new.
        for (TableDirectory dir : tables.values()) {
            dir.publishStaged(committedChunks, epoch);
        }
        if (mode == DestinationSyncMode.OVERWRITE) {
            tables.values().forEach(TableDirectory::deleteOtherSyncs);
        }
        tables.values().forEach(TableDirectory::dropStaging);
    }
}
