package io.tributary.writers.s3;

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
import io.tributary.writers.s3.S3LoadState.HandOver;
import io.tributary.writers.s3.S3LoadState.PendingFile;
import io.tributary.writers.s3.S3LoadState.TableFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Loads one stream into S3 as Parquet or JSON Lines files, one folder per table.
 *
 * <p>Rows go to a local temporary file per table ({@link S3SpillFiles}); every chunk's rows are also
 * journaled under the sync's hidden staging prefix ({@link ChunkJournal}). When a file reaches
 * {@code file_size_mb} at the end of a chunk it is uploaded as a multipart upload that is left open:
 * invisible to readers, tracked in the state saved with the chunk. When the load step closes after
 * its last commit, the files still open are uploaded the same way and a hand-over note tells the
 * {@link #complete()} of the next step (a new loader) about them. complete() completes every upload
 * (each object appears whole) and, for overwrite, only then deletes the objects of earlier syncs.
 *
 * <p>After a crash, {@link #open} restores the committed state and {@link S3Recovery} aborts the
 * uploads it does not name and drops the journals of uncommitted chunks; the files that were open are
 * rebuilt from the journal, so no committed row is lost or written twice. A complete() that crashed
 * half way finishes when run again.
 */
final class S3StreamLoader implements StreamLoader {

    private static final String STAGING = ".tributary-staging";

    private final S3DestinationConfig config;
    private final DestinationSyncMode mode;
    private final StreamFiles streamFiles;
    private final Map<String, TableSchema> tables = new LinkedHashMap<>();
    private final String stateKey;
    private final String streamStagingPrefix;
    private final String syncPrefix;
    private final S3FileKeys keys;
    private final S3SpillFiles spills;

    private S3Objects objects;
    private ChunkJournal journal;
    private S3Recovery recovery;

    // Progress of this sync; the state saved in update() is built from it.
    private long chunks;
    private long syncStartMillis;
    private String uuid;
    private final Map<String, S3TableProgress> progress = new LinkedHashMap<>();
    private S3LoadState committed;

    private final Map<String, HandOver> handedOver = new HashMap<>();
    private boolean dirty;
    private boolean needsRecovery;

    S3StreamLoader(
            S3DestinationConfig config, ConfiguredStream stream, StreamTables streamTables, LoadContext context) {
        this.config = config;
        this.mode = stream.destinationSyncMode();
        String ns = stream.destinationNamespace();
        String namespace = ns == null || ns.isBlank() ? null : NamingConvention.FILES.identifier(ns);
        this.keys = new S3FileKeys(config, namespace);
        this.streamFiles = new StreamFiles(streamTables);
        streamFiles.tables().forEach(t -> tables.put(t.name(), t));
        this.stateKey = stream.destinationName() + ".s3.state";
        String connection =
                NamingConvention.FILES.sanitize(context.connection() == null ? "connection" : context.connection());
        String streamDir = (namespace == null ? "default" : namespace) + "/"
                + NamingConvention.FILES.identifier(stream.destinationName());
        this.streamStagingPrefix = (config.bucketPath().isEmpty() ? "" : config.bucketPath() + "/") + STAGING + "/"
                + connection + "/" + streamDir + "/";
        this.syncPrefix = streamStagingPrefix + context.syncId() + "/";
        this.spills = new S3SpillFiles(
                config.format(),
                Path.of(
                        System.getProperty("java.io.tmpdir"),
                        "tributary-s3",
                        connection + "-" + context.syncId() + "-" + streamDir.replace('/', '-')));
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(stateKey)) {
            restore(S3LoadState.fromJson(context.getString(stateKey)));
        } else {
            chunks = 0;
            syncStartMillis = System.currentTimeMillis();
            uuid = UUID.randomUUID().toString();
            progress.clear();
            for (TableSchema table : tables.values()) {
                progress.put(
                        table.name(),
                        S3TableProgress.startingAt(keys.firstFreePart(objects(), table, syncStartMillis, uuid)));
            }
        }
        committed = snapshot();
        recover();
    }

    @Override
    public void write(Chunk<? extends NormalizedRecord> chunk) {
        if (committed == null) {
            throw new IllegalStateException("open(ExecutionContext) must run before write");
        }
        if (needsRecovery) {
            restore(committed);
            recover();
        }
        long chunkNo = chunks;
        dirty = true;
        Map<String, ChunkJournal.Entry> entries = new HashMap<>();
        List<Future<?>> journaled = new ArrayList<>();
        try {
            reopenFilesToContinue();
            // The journal first, so its upload overlaps the encoding of the files.
            for (NormalizedRecord record : chunk) {
                for (TableRow row : streamFiles.rows(record)) {
                    TableSchema table = table(row.table().name());
                    entries.computeIfAbsent(table.name(), n -> new ChunkJournal.Entry())
                            .write(row.values());
                }
            }
            for (Map.Entry<String, ChunkJournal.Entry> e : entries.entrySet()) {
                journaled.add(journal().put(tables.get(e.getKey()), chunkNo, e.getValue()));
            }
            for (NormalizedRecord record : chunk) {
                for (TableRow row : streamFiles.rows(record)) {
                    TableSchema table = tables.get(row.table().name());
                    spills.writer(table, progress.get(table.name()).nextFile).write(row.values());
                }
            }
            journaled.forEach(S3Objects::await);
            for (TableSchema table : tables.values()) {
                S3TableProgress p = progress.get(table.name());
                if (!spills.isOpen(table)) {
                    p.openFileFirstChunk = chunkNo + 1;
                } else if (spills.bytes(table) >= config.fileSizeBytes()) {
                    p.pending.add(closeAndUpload(table));
                    p.openFileFirstChunk = chunkNo + 1;
                }
            }
            chunks = chunkNo + 1;
        } catch (RuntimeException e) {
            journaled.forEach(f -> f.cancel(false));
            needsRecovery = true;
            spills.discard();
            recovery().abortUncommittedUploads(committed, progress.values());
            throw e;
        }
    }

    @Override
    public void update(ExecutionContext context) {
        S3LoadState state = snapshot();
        context.putString(stateKey, state.toJson());
        committed = state;
        dirty = false;
    }

    /**
     * After a failed chunk: drops what it wrote. After the last commit: uploads the open files and
     * leaves a hand-over note, so that {@link #complete()} (run by a new loader in the next step)
     * only has to complete them instead of rebuilding them from the journal.
     */
    @Override
    public void close() {
        if (dirty) {
            // The step failed after a write that never committed: nothing of it may survive.
            needsRecovery = true;
            spills.discard();
            recovery().abortUncommittedUploads(committed, progress.values());
        } else if (!spills.isEmpty()) {
            for (TableSchema table : tables.values()) {
                if (spills.isOpen(table)) {
                    handOver(table);
                }
            }
            spills.deleteLocalDir();
        }
        if (objects != null) {
            objects.close();
            objects = null;
            journal = null;
            recovery = null;
        }
    }

    @Override
    public void complete() {
        if (committed == null) {
            throw new IllegalStateException(
                    "complete() needs open(ExecutionContext) with the stream's last committed context");
        }
        if (needsRecovery || dirty) {
            restore(committed);
            recover();
        }
        List<PendingFile> files = new ArrayList<>();
        for (TableSchema table : tables.values()) {
            S3TableProgress p = progress.get(table.name());
            files.addAll(p.pending);
            if (spills.isOpen(table)) {
                files.add(closeAndUpload(table));
            } else if (handedOver.containsKey(table.name())) {
                files.add(handedOver.remove(table.name()).file());
                p.nextFile++;
            } else if (p.openFileFirstChunk < chunks
                    && !objects().exists(keys.fileKey(table, syncStartMillis, uuid, p.nextFile))) {
                rebuildOpenFile(table);
                if (spills.isOpen(table)) {
                    files.add(closeAndUpload(table));
                }
            }
        }
        // Every new object complete before any old one goes.
        files.forEach(objects()::complete);
        if (mode == DestinationSyncMode.OVERWRITE) {
            for (TableSchema table : tables.values()) {
                deleteEarlierSyncs(table);
            }
        }
        journal().dropAll();
        spills.deleteLocalDir();
        objects.close();
        objects = null;
        journal = null;
        recovery = null;
    }

    private void deleteEarlierSyncs(TableSchema table) {
        Pattern owned = keys.filePattern(table);
        S3TableProgress p = progress.get(table.name());
        Set<String> mine = new HashSet<>();
        for (long i = p.firstFile; i <= p.nextFile; i++) {
            mine.add(keys.fileKey(table, syncStartMillis, uuid, i));
        }
        List<String> old = objects().list(keys.listingPrefix(table)).stream()
                .filter(k -> owned.matcher(k).matches() && !mine.contains(k))
                .toList();
        objects().delete(old);
    }

    /**
     * Brings S3 and the local files in line with the state just restored. Open files are rebuilt
     * lazily: by the next write, or by complete() when no hand-over covers them.
     */
    private void recover() {
        spills.discard();
        handedOver.clear();
        handedOver.putAll(recovery().recover(tables.values(), progress, chunks));
        needsRecovery = false;
        dirty = false;
    }

    /** Before new rows: every table's open file as the committed chunks left it. */
    private void reopenFilesToContinue() {
        for (TableSchema table : tables.values()) {
            HandOver note = handedOver.remove(table.name());
            if (note != null) {
                recovery().dropHandOver(table, note);
            }
            S3TableProgress p = progress.get(table.name());
            if (!spills.isOpen(table) && p.openFileFirstChunk < chunks) {
                rebuildOpenFile(table);
            }
        }
    }

    private void rebuildOpenFile(TableSchema table) {
        S3TableProgress p = progress.get(table.name());
        journal()
                .replay(
                        table,
                        p.openFileFirstChunk,
                        chunks,
                        values -> spills.writer(table, p.nextFile).write(values));
    }

    private void handOver(TableSchema table) {
        S3TableProgress p = progress.get(table.name());
        PendingFile uploaded = spills.closeAndUpload(
                table, objects(), keys.fileKey(table, syncStartMillis, uuid, p.nextFile), config.partSizeBytes());
        HandOver note = new HandOver(p.openFileFirstChunk, chunks, p.nextFile, uploaded);
        recovery().writeHandOver(table, note);
        handedOver.put(table.name(), note);
    }

    private PendingFile closeAndUpload(TableSchema table) {
        S3TableProgress p = progress.get(table.name());
        PendingFile pending = spills.closeAndUpload(
                table, objects(), keys.fileKey(table, syncStartMillis, uuid, p.nextFile), config.partSizeBytes());
        p.nextFile++;
        return pending;
    }

    private TableSchema table(String name) {
        TableSchema table = tables.get(name);
        if (table == null) {
            throw new IllegalStateException("a row of table '" + name + "' is not one of this stream's tables "
                    + tables.keySet() + "; normalization and loader disagree on the stream's tables");
        }
        return table;
    }

    private void restore(S3LoadState state) {
        chunks = state.chunks();
        syncStartMillis = state.syncStartMillis();
        uuid = state.uuid();
        progress.clear();
        for (TableSchema table : tables.values()) {
            progress.put(table.name(), S3TableProgress.restored(state.tables().get(table.name()), state.chunks()));
        }
    }

    private S3LoadState snapshot() {
        Map<String, TableFiles> files = new LinkedHashMap<>();
        progress.forEach((name, p) -> files.put(name, p.snapshot()));
        return new S3LoadState(chunks, syncStartMillis, uuid, files);
    }

    private S3Objects objects() {
        if (objects == null) {
            objects = new S3Objects(config.newClient(), config.bucket());
            journal = new ChunkJournal(objects, syncPrefix);
            recovery = new S3Recovery(objects, journal, keys, streamStagingPrefix, syncPrefix);
        }
        return objects;
    }

    private ChunkJournal journal() {
        objects();
        return journal;
    }

    private S3Recovery recovery() {
        objects();
        return recovery;
    }
}
