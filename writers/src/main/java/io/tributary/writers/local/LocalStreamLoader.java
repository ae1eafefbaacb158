package io.tributary.writers.local;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.naming.NamingConvention;
import io.tributary.connector.schema.NormalizedRecord;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableRow;
import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.format.JournalRows;
import io.tributary.writers.format.StreamFiles;
import io.tributary.writers.format.TableFileWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Loads one stream into local files of up to {@code file_size_mb} each: a table's file stays open
 * across chunks and is finished in its hidden staging directory once it reaches the size at the end
 * of a chunk; {@link #complete()} moves the finished files in (renames, so every file appears whole)
 * and, for overwrite, only then deletes the files of earlier syncs. Re-running it after a crash
 * finishes the same work.
 *
 * <p>Exactly once: every chunk's rows are also journaled per table and forced to disk before the
 * chunk commits, and {@link #update} saves, per table, which file is open and from which chunk on it
 * holds rows. After a crash {@link #open} drops what uncommitted chunks left and the open file is
 * rebuilt from the journals of the chunks it held (a Parquet file cannot be continued). When the load
 * step closes after its last commit, the open files are finished as hand-overs named after the
 * committed chunk count, so the complete() that follows (a new loader) need not rebuild them.
 */
final class LocalStreamLoader implements StreamLoader {

    private final LocalConfig config;
    private final DestinationSyncMode mode;
    private final String stateKey;
    private final StreamFiles streamFiles;
    private final Map<String, TableDirectory> tables = new LinkedHashMap<>();

    // Progress of this sync; update() saves it, committed* is the copy the job repository has.
    private long chunks;
    private final Map<String, TableProgress> progress = new LinkedHashMap<>();
    private long committedChunks;
    private Map<String, TableProgress> committed;

    private final Map<String, OpenFile> open = new HashMap<>();
    private boolean dirty;
    private boolean needsRecovery;

    /** Data file {@code nextFile} is open and holds the rows of the chunks from {@code openFileFirstChunk} on. */
    private record TableProgress(long nextFile, long openFileFirstChunk) {}

    private record OpenFile(DurableFile file, TableFileWriter writer) {}

    LocalStreamLoader(LocalConfig config, ConfiguredStream stream, StreamTables streamTables, LoadContext context) {
        this.config = config;
        this.mode = stream.destinationSyncMode();
        String namespace = stream.destinationNamespace() == null
                        || stream.destinationNamespace().isBlank()
                ? "default"
                : NamingConvention.FILES.identifier(stream.destinationNamespace());
        Path namespaceDir = config.destinationPath().resolve(namespace);
        this.streamFiles = new StreamFiles(streamTables);
        for (TableSchema table : streamFiles.tables()) {
            Path dir = namespaceDir.resolve(NamingConvention.FILES.identifier(table.name()));
            tables.put(
                    table.name(),
                    new TableDirectory(
                            table, dir, context.syncId(), config.format().extension()));
        }
        this.stateKey = stream.destinationName() + ".local.";
    }

    @Override
    public void open(ExecutionContext context) {
        chunks = context.getLong(stateKey + "chunks", 0L);
        progress.clear();
        for (String table : tables.keySet()) {
            // A table the saved state does not know (new in the stream) starts empty after the saved chunks.
            progress.put(
                    table,
                    new TableProgress(
                            context.getLong(stateKey + table + ".next_file", 0L),
                            context.getLong(stateKey + table + ".open_file_first_chunk", chunks)));
        }
        commit();
        recover();
    }

    @Override
    public void write(Chunk<? extends NormalizedRecord> chunk) {
        if (committed == null) {
            throw new IllegalStateException("open(ExecutionContext) must run before write");
        }
        if (needsRecovery) {
            recover();
        }
        long chunkNo = chunks;
        dirty = true;
        try {
            continueOpenFiles();
            Map<String, List<Object[]>> rows = new LinkedHashMap<>();
            for (NormalizedRecord record : chunk) {
                for (TableRow row : streamFiles.rows(record)) {
                    String name = table(row.table().name()).table().name();
                    rows.computeIfAbsent(name, n -> new ArrayList<>()).add(row.values());
                }
            }
            for (Map.Entry<String, List<Object[]>> e : rows.entrySet()) {
                TableDirectory dir = tables.get(e.getKey());
                dir.journal(chunkNo, JournalRows.encode(dir.table(), e.getValue()));
                TableFileWriter writer = writer(e.getKey());
                e.getValue().forEach(writer::write);
            }
            for (Map.Entry<String, TableDirectory> e : tables.entrySet()) {
                TableProgress p = progress.get(e.getKey());
                OpenFile file = open.get(e.getKey());
                if (file == null) {
                    progress.put(e.getKey(), new TableProgress(p.nextFile(), chunkNo + 1));
                } else if (file.writer().bytesWritten() >= config.fileSizeBytes()) {
                    finish(e.getKey(), chunkNo + 1);
                    progress.put(e.getKey(), new TableProgress(p.nextFile() + 1, chunkNo + 1));
                }
            }
        } catch (RuntimeException e) {
            needsRecovery = true;
            discardOpenFiles();
            tables.values().forEach(t -> t.discardChunk(chunkNo));
            throw e;
        }
        chunks = chunkNo + 1;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(stateKey + "chunks", chunks);
        progress.forEach((table, p) -> {
            context.putLong(stateKey + table + ".next_file", p.nextFile());
            context.putLong(stateKey + table + ".open_file_first_chunk", p.openFileFirstChunk());
        });
        commit();
    }

    /**
     * After a failed chunk: drops what it wrote. After the last commit: finishes the open files as
     * hand-overs, so that {@link #complete()} (run by a new loader) only has to move them in.
     */
    @Override
    public void close() {
        if (dirty) {
            needsRecovery = true;
            discardOpenFiles();
        } else {
            for (String table : new ArrayList<>(open.keySet())) {
                finish(table, chunks);
            }
        }
    }

    @Override
    public void complete() {
        if (committed == null) {
            throw new IllegalStateException(
                    "complete() needs open(ExecutionContext) with the stream's last committed context");
        }
        if (needsRecovery || dirty) {
            recover();
        }
        for (Map.Entry<String, TableDirectory> e : tables.entrySet()) {
            TableDirectory dir = e.getValue();
            TableProgress p = progress.get(e.getKey());
            if (open.containsKey(e.getKey())) {
                finish(e.getKey(), chunks);
            } else if (p.openFileFirstChunk() < chunks
                    && !dir.isStaged(p.nextFile(), chunks)
                    && !dir.isPublished(p.nextFile())) {
                dir.replay(p.openFileFirstChunk(), chunks, writer(e.getKey())::write);
                finish(e.getKey(), chunks);
            }
        }
        long epoch = System.currentTimeMillis();
        // All new files in place before any old one goes: a reader always finds the previous data or the new.
        tables.forEach((name, dir) -> dir.publishStaged(progress.get(name).nextFile(), epoch));
        if (mode == DestinationSyncMode.OVERWRITE) {
            tables.values().forEach(TableDirectory::deleteOtherSyncs);
        }
        tables.values().forEach(TableDirectory::dropStaging);
    }

    /** Back to the committed state: what uncommitted chunks wrote is dropped; open files are rebuilt when written to. */
    private void recover() {
        discardOpenFiles();
        chunks = committedChunks;
        progress.clear();
        progress.putAll(committed);
        tables.forEach((name, dir) -> {
            TableProgress p = progress.get(name);
            dir.recover(chunks, p.nextFile(), p.openFileFirstChunk());
        });
        needsRecovery = false;
        dirty = false;
    }

    /**
     * Before new rows: each table's open file as the committed chunks left it. A hand-over (the file
     * finished when the previous step closed) is dropped and the file rebuilt, since it continues.
     * Journals of chunks in finished files go once the state naming those files is saved: a write
     * after {@link #update} means its chunk committed (a write without one keeps them, as after a crash).
     */
    private void continueOpenFiles() {
        for (Map.Entry<String, TableDirectory> e : tables.entrySet()) {
            TableDirectory dir = e.getValue();
            TableProgress p = progress.get(e.getKey());
            dir.dropJournalsBefore(committed.get(e.getKey()).openFileFirstChunk());
            if (!open.containsKey(e.getKey()) && p.openFileFirstChunk() < chunks) {
                dir.unstage(p.nextFile(), chunks);
                dir.replay(p.openFileFirstChunk(), chunks, writer(e.getKey())::write);
            }
        }
    }

    private TableFileWriter writer(String table) {
        OpenFile file = open.get(table);
        if (file == null) {
            TableDirectory dir = tables.get(table);
            DurableFile durable = dir.newFile(progress.get(table).nextFile());
            file = new OpenFile(durable, config.format().open(dir.table(), durable.stream()));
            open.put(table, file);
        }
        return file.writer();
    }

    /** Finishes the table's open file and stages it as finished after {@code chunkCount} chunks. */
    private void finish(String table, long chunkCount) {
        OpenFile file = open.remove(table);
        file.writer().close();
        tables.get(table).finish(file.file(), progress.get(table).nextFile(), chunkCount);
    }

    private void discardOpenFiles() {
        for (OpenFile file : open.values()) {
            try {
                file.writer().close();
            } catch (RuntimeException ignored) {
                // the file is thrown away anyway
            }
            file.file().discard();
        }
        open.clear();
    }

    private void commit() {
        committedChunks = chunks;
        committed = new LinkedHashMap<>(progress);
        dirty = false;
    }

    private TableDirectory table(String name) {
        TableDirectory dir = tables.get(name);
        if (dir == null) {
            throw new IllegalStateException("a row of table '" + name + "' is not one of this stream's tables "
                    + tables.keySet() + "; normalization and loader disagree on the stream's tables");
        }
        return dir;
    }
}
