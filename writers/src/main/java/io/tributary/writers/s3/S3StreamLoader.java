package io.tributary.writers.s3;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import io.tributary.writers.s3.S3LoadState.HandOver;
import io.tributary.writers.s3.S3LoadState.PendingFile;
import io.tributary.writers.s3.S3LoadState.TableFiles;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Loads one stream into S3 as Parquet or JSON Lines files, one folder per table.
 *
 * <p>Rows go to a local temporary file per table (memory holds at most a Parquet row group); every
 * chunk's rows are also journaled under the sync's hidden staging prefix. When a file reaches
 * {@code file_size_mb} at the end of a chunk it is uploaded as a multipart upload that is left open:
 * invisible to readers, tracked in the state saved with the chunk. When the load step closes after
 * its last commit, the files still open are uploaded the same way and a hand-over note tells the
 * {@link #complete()} of the next step (a new loader) about them. complete() completes every upload
 * (each object appears whole) and, for overwrite, only then deletes the objects of earlier syncs.
 *
 * <p>After a crash, {@link #open} aborts the uploads the committed state does not name and drops the
 * journals of uncommitted chunks; the files that were open are rebuilt from the journal, so no
 * committed row is lost or written twice. A complete() that crashed half way finishes when run again.
 */
final class S3StreamLoader implements StreamLoader {

    private static final String STAGING = ".tributary-staging";
    private static final String HAND_OVER = "hand-over/";

    private final S3DestinationConfig config;
    private final DestinationSyncMode mode;
    private final String namespace;
    private final StreamFiles streamFiles;
    private final Map<String, TableSchema> tables = new LinkedHashMap<>();
    private final String stateKey;
    private final String streamStagingPrefix;
    private final String syncPrefix;
    private final Path localDir;

    private S3Objects objects;
    private ChunkJournal journal;

    // Progress of this sync; the state saved in update() is built from it.
    private long chunks;
    private long syncStartMillis;
    private String uuid;
    private final Map<String, Progress> progress = new LinkedHashMap<>();
    private S3LoadState committed;

    private final Map<String, OpenFile> open = new HashMap<>();
    private final Map<String, HandOver> handedOver = new HashMap<>();
    private boolean dirty;
    private boolean needsRecovery;

    /** A table's files in this sync; see {@link TableFiles}. */
    private static final class Progress {
        long firstFile;
        long nextFile;
        long openFileFirstChunk;
        final List<PendingFile> pending = new ArrayList<>();
    }

    /** The file being filled locally for a table. */
    private record OpenFile(Path spill, TableFileWriter writer) {
    }

    S3StreamLoader(S3DestinationConfig config, ConfiguredStream stream, StreamTables streamTables, LoadContext context) {
        this.config = config;
        this.mode = stream.destinationSyncMode();
        String ns = stream.destinationNamespace();
        this.namespace = ns == null || ns.isBlank() ? null : NamingConvention.FILES.identifier(ns);
        this.streamFiles = new StreamFiles(streamTables);
        streamFiles.tables().forEach(t -> tables.put(t.name(), t));
        this.stateKey = stream.destinationName() + ".s3.state";
        String connection = NamingConvention.FILES.sanitize(context.connection() == null ? "connection" : context.connection());
        String streamDir = (namespace == null ? "default" : namespace) + "/" + NamingConvention.FILES.identifier(stream.destinationName());
        this.streamStagingPrefix = (config.bucketPath().isEmpty() ? "" : config.bucketPath() + "/")
                + STAGING + "/" + connection + "/" + streamDir + "/";
        this.syncPrefix = streamStagingPrefix + context.syncId() + "/";
        this.localDir = Path.of(System.getProperty("java.io.tmpdir"), "tributary-s3",
                connection + "-" + context.syncId() + "-" + streamDir.replace('/', '-'));
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
                Progress p = new Progress();
                p.firstFile = firstFreePart(table);
                p.nextFile = p.firstFile;
                progress.put(table.name(), p);
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
                    entries.computeIfAbsent(table.name(), n -> new ChunkJournal.Entry()).write(row.values());
                }
            }
            for (Map.Entry<String, ChunkJournal.Entry> e : entries.entrySet()) {
                journaled.add(journal().put(tables.get(e.getKey()), chunkNo, e.getValue()));
            }
            for (NormalizedRecord record : chunk) {
                for (TableRow row : streamFiles.rows(record)) {
                    openFile(tables.get(row.table().name())).writer().write(row.values());
                }
            }
            journaled.forEach(S3Objects::await);
            for (TableSchema table : tables.values()) {
                OpenFile file = open.get(table.name());
                if (file == null) {
                    progress.get(table.name()).openFileFirstChunk = chunkNo + 1;
                } else if (file.writer().bytesWritten() >= config.fileSizeBytes()) {
                    progress.get(table.name()).pending.add(closeAndUpload(table));
                    progress.get(table.name()).openFileFirstChunk = chunkNo + 1;
                }
            }
            chunks = chunkNo + 1;
        } catch (RuntimeException e) {
            journaled.forEach(f -> f.cancel(false));
            needsRecovery = true;
            discardOpenFiles();
            abortUncommittedUploads();
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
            discardOpenFiles();
            abortUncommittedUploads();
        } else if (!open.isEmpty()) {
            for (TableSchema table : tables.values()) {
                if (open.containsKey(table.name())) {
                    handOver(table);
                }
            }
            deleteLocalDir();
        }
        if (objects != null) {
            objects.close();
            objects = null;
            journal = null;
        }
    }

    @Override
    public void complete() {
        if (committed == null) {
            throw new IllegalStateException("complete() needs open(ExecutionContext) with the stream's last committed context");
        }
        if (needsRecovery || dirty) {
            restore(committed);
            recover();
        }
        List<PendingFile> files = new ArrayList<>();
        for (TableSchema table : tables.values()) {
            Progress p = progress.get(table.name());
            files.addAll(p.pending);
            if (open.containsKey(table.name())) {
                files.add(closeAndUpload(table));
            } else if (handedOver.containsKey(table.name())) {
                files.add(handedOver.remove(table.name()).file());
                p.nextFile++;
            } else if (p.openFileFirstChunk < chunks && !objects().exists(fileKey(table, p.nextFile))) {
                rebuildOpenFile(table);
                if (open.containsKey(table.name())) {
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
        deleteLocalDir();
        objects.close();
        objects = null;
        journal = null;
    }

    private void deleteEarlierSyncs(TableSchema table) {
        Pattern owned = filePattern(table);
        Progress p = progress.get(table.name());
        Set<String> mine = new HashSet<>();
        for (long i = p.firstFile; i <= p.nextFile; i++) {
            mine.add(fileKey(table, i));
        }
        List<String> old = objects().list(listingPrefix(table)).stream()
                .filter(k -> owned.matcher(k).matches() && !mine.contains(k))
                .toList();
        objects().delete(old);
    }

    /**
     * Brings S3 and the local files in line with the state just restored: keeps the uploads the state
     * names and valid hand-overs, aborts every other upload of these tables, drops journals of
     * uncommitted chunks and the staging of other syncs. Open files are rebuilt lazily: by the next
     * write, or by complete() when no hand-over covers them.
     */
    private void recover() {
        discardOpenFiles();
        handedOver.clear();
        for (String key : objects().list(syncPrefix + HAND_OVER)) {
            HandOver note = objects().get(key).map(S3StreamLoader::readHandOver).orElse(null);
            String table = key.substring(key.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
            Progress p = progress.get(table);
            if (note != null && p != null && note.firstChunk() == p.openFileFirstChunk && note.chunks() == chunks
                    && note.part() == p.nextFile) {
                handedOver.put(table, note);
            } else {
                objects().delete(List.of(key));
            }
        }
        abortUntrackedUploads();
        journal().dropFrom(chunks);
        for (String folder : objects().folders(streamStagingPrefix)) {
            if (!folder.equals(syncPrefix)) {
                objects().delete(objects().list(folder));
            }
        }
        needsRecovery = false;
        dirty = false;
    }

    /** Before new rows: every table's open file as the committed chunks left it. */
    private void reopenFilesToContinue() {
        for (TableSchema table : tables.values()) {
            HandOver note = handedOver.remove(table.name());
            if (note != null) {
                // A restarted load continues the file: the uploaded copy is outdated.
                objects().abort(note.file());
                objects().delete(List.of(syncPrefix + HAND_OVER + table.name() + ".json"));
            }
            Progress p = progress.get(table.name());
            if (!open.containsKey(table.name()) && p.openFileFirstChunk < chunks) {
                rebuildOpenFile(table);
            }
        }
    }

    private void rebuildOpenFile(TableSchema table) {
        Progress p = progress.get(table.name());
        journal().replay(table, p.openFileFirstChunk, chunks, values -> openFile(table).writer().write(values));
    }

    private void handOver(TableSchema table) {
        Progress p = progress.get(table.name());
        OpenFile file = open.remove(table.name());
        file.writer().close();
        PendingFile uploaded = objects().uploadParts(fileKey(table, p.nextFile), file.spill(), config.partSizeBytes());
        HandOver note = new HandOver(p.openFileFirstChunk, chunks, p.nextFile, uploaded);
        objects().put(syncPrefix + HAND_OVER + table.name() + ".json", note.toJson().getBytes(StandardCharsets.UTF_8));
        handedOver.put(table.name(), note);
    }

    private static HandOver readHandOver(java.io.InputStream in) {
        try (in) {
            return HandOver.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // An unreadable note is ignored: the journal rebuilds the file.
            return null;
        }
    }

    private void abortUntrackedUploads() {
        Set<String> tracked = new HashSet<>();
        progress.values().forEach(p -> p.pending.forEach(f -> tracked.add(f.uploadId())));
        handedOver.values().forEach(h -> tracked.add(h.file().uploadId()));
        for (TableSchema table : tables.values()) {
            Pattern owned = filePattern(table);
            objects().abortUploads(listingPrefix(table), k -> owned.matcher(k).matches(), tracked);
        }
    }

    /** Aborts the uploads of files closed by chunks that did not commit; best effort, recovery repeats it. */
    private void abortUncommittedUploads() {
        Set<String> kept = new HashSet<>();
        committed.tables().values().forEach(t -> t.pending().forEach(f -> kept.add(f.uploadId())));
        for (Progress p : progress.values()) {
            for (PendingFile file : p.pending) {
                if (!kept.contains(file.uploadId())) {
                    try {
                        objects().abort(file);
                    } catch (RuntimeException ignored) {
                        // the next open() or complete() aborts every upload the committed state does not name
                    }
                }
            }
        }
    }

    private PendingFile closeAndUpload(TableSchema table) {
        OpenFile file = open.remove(table.name());
        file.writer().close();
        Progress p = progress.get(table.name());
        PendingFile pending = objects().uploadParts(fileKey(table, p.nextFile), file.spill(), config.partSizeBytes());
        p.nextFile++;
        deleteQuietly(file.spill());
        return pending;
    }

    private OpenFile openFile(TableSchema table) {
        OpenFile file = open.get(table.name());
        if (file == null) {
            try {
                Files.createDirectories(localDir);
                Path spill = localDir.resolve(table.name() + "-" + progress.get(table.name()).nextFile + "."
                        + config.format().extension());
                TableFileWriter writer = config.format().open(table,
                        new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
                file = new OpenFile(spill, writer);
                open.put(table.name(), file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a local buffer file in " + localDir + ": " + e.getMessage(), e);
            }
        }
        return file;
    }

    private void discardOpenFiles() {
        for (OpenFile file : open.values()) {
            try {
                file.writer().close();
            } catch (RuntimeException ignored) {
                // the file is thrown away anyway
            }
        }
        open.clear();
        deleteLocalDir();
    }

    private void deleteLocalDir() {
        if (!Files.exists(localDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(localDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(S3StreamLoader::deleteQuietly);
        } catch (IOException ignored) {
            // leftovers in the temp directory are removed at the next recovery
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // see deleteLocalDir
        }
    }

    private TableSchema table(String name) {
        TableSchema table = tables.get(name);
        if (table == null) {
            throw new IllegalStateException("a row of table '" + name + "' is not one of this stream's tables "
                    + tables.keySet() + "; normalization and loader disagree on the stream's tables");
        }
        return table;
    }

    private String fileKey(TableSchema table, long part) {
        return config.pathTemplate().resolve(config.bucketPath(), namespace, table.name(),
                Instant.ofEpochMilli(syncStartMillis), uuid) + part + "." + config.format().extension();
    }

    private String listingPrefix(TableSchema table) {
        return config.pathTemplate().listingPrefix(config.bucketPath(), namespace, table.name());
    }

    private Pattern filePattern(TableSchema table) {
        return config.pathTemplate().fileKeys(config.bucketPath(), namespace, table.name());
    }

    /** The first part number no existing object of this table uses under this sync's key prefix. */
    private long firstFreePart(TableSchema table) {
        String prefix = config.pathTemplate().resolve(config.bucketPath(), namespace, table.name(),
                Instant.ofEpochMilli(syncStartMillis), uuid);
        Pattern part = Pattern.compile(Pattern.quote(prefix) + "(\\d+)\\.(?:jsonl|parquet)");
        long free = 0;
        for (String key : objects().list(prefix)) {
            Matcher m = part.matcher(key);
            if (m.matches()) {
                free = Math.max(free, Long.parseLong(m.group(1)) + 1);
            }
        }
        return free;
    }

    private void restore(S3LoadState state) {
        chunks = state.chunks();
        syncStartMillis = state.syncStartMillis();
        uuid = state.uuid();
        progress.clear();
        for (TableSchema table : tables.values()) {
            Progress p = new Progress();
            TableFiles saved = state.tables().get(table.name());
            if (saved != null) {
                p.firstFile = saved.firstFile();
                p.nextFile = saved.nextFile();
                p.openFileFirstChunk = saved.openFileFirstChunk();
                p.pending.addAll(saved.pending());
            } else {
                // A table the stream did not have when the state was saved: it starts empty.
                p.openFileFirstChunk = state.chunks();
            }
            progress.put(table.name(), p);
        }
    }

    private S3LoadState snapshot() {
        Map<String, TableFiles> files = new LinkedHashMap<>();
        progress.forEach((name, p) -> files.put(name, new TableFiles(p.firstFile, p.nextFile, p.openFileFirstChunk, p.pending)));
        return new S3LoadState(chunks, syncStartMillis, uuid, files);
    }

    private S3Objects objects() {
        if (objects == null) {
            objects = new S3Objects(config.newClient(), config.bucket());
            journal = new ChunkJournal(objects, syncPrefix);
        }
        return objects;
    }

    private ChunkJournal journal() {
        objects();
        return journal;
    }
}
