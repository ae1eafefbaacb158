package io.tributary.writers.s3;

import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.s3.S3LoadState.HandOver;
import io.tributary.writers.s3.S3LoadState.PendingFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Brings S3 in line with a committed {@link S3LoadState} after a crash or a failed chunk: which
 * multipart uploads and hand-over notes are still valid, and removing everything else a sync left
 * (uploads the state does not name, journals of uncommitted chunks, staging of other syncs). Every
 * step is idempotent, so a recovery that itself crashes is simply run again.
 */
final class S3Recovery {

    private static final String HAND_OVER = "hand-over/";

    private final S3Objects objects;
    private final ChunkJournal journal;
    private final S3FileKeys keys;
    private final String streamStagingPrefix;
    private final String syncPrefix;

    S3Recovery(
            S3Objects objects, ChunkJournal journal, S3FileKeys keys, String streamStagingPrefix, String syncPrefix) {
        this.objects = objects;
        this.journal = journal;
        this.keys = keys;
        this.streamStagingPrefix = streamStagingPrefix;
        this.syncPrefix = syncPrefix;
    }

    /**
     * Recovers to the committed {@code progress} after {@code chunks} chunks; returns the hand-overs
     * still valid (by table name): those made after exactly these chunks for the table's open file.
     */
    Map<String, HandOver> recover(Collection<TableSchema> tables, Map<String, S3TableProgress> progress, long chunks) {
        Map<String, HandOver> handedOver = new HashMap<>();
        for (String key : objects.list(syncPrefix + HAND_OVER)) {
            HandOver note = objects.get(key).map(S3Recovery::readHandOver).orElse(null);
            String table = key.substring(key.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
            S3TableProgress p = progress.get(table);
            if (note != null
                    && p != null
                    && note.firstChunk() == p.openFileFirstChunk
                    && note.chunks() == chunks
                    && note.part() == p.nextFile) {
                handedOver.put(table, note);
            } else {
                objects.delete(List.of(key));
            }
        }
        abortUntrackedUploads(tables, progress, handedOver);
        journal.dropFrom(chunks);
        for (String folder : objects.folders(streamStagingPrefix)) {
            if (!folder.equals(syncPrefix)) {
                objects.delete(objects.list(folder));
            }
        }
        return handedOver;
    }

    /** Records that {@code table}'s open file after {@code note.chunks()} chunks is uploaded as {@code note.file()}. */
    void writeHandOver(TableSchema table, HandOver note) {
        objects.put(handOverKey(table), note.toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** Drops a hand-over: a restarted load continues the open file, so the uploaded copy is outdated. */
    void dropHandOver(TableSchema table, HandOver note) {
        objects.abort(note.file());
        objects.delete(List.of(handOverKey(table)));
    }

    /**
     * After a failed chunk: aborts the uploads of files that chunk closed (those the committed state
     * does not name). Best effort: the next recovery aborts every upload the state does not name.
     */
    void abortUncommittedUploads(S3LoadState committed, Collection<S3TableProgress> progress) {
        Set<String> kept = new HashSet<>();
        committed.tables().values().forEach(t -> t.pending().forEach(f -> kept.add(f.uploadId())));
        for (S3TableProgress p : progress) {
            for (PendingFile file : p.pending) {
                if (!kept.contains(file.uploadId())) {
                    try {
                        objects.abort(file);
                    } catch (RuntimeException ignored) {
                        // the next open() or complete() aborts every upload the committed state does not name
                    }
                }
            }
        }
    }

    private void abortUntrackedUploads(
            Collection<TableSchema> tables, Map<String, S3TableProgress> progress, Map<String, HandOver> handedOver) {
        Set<String> tracked = new HashSet<>();
        progress.values().forEach(p -> p.pending.forEach(f -> tracked.add(f.uploadId())));
        handedOver.values().forEach(h -> tracked.add(h.file().uploadId()));
        for (TableSchema table : tables) {
            Pattern owned = keys.filePattern(table);
            objects.abortUploads(
                    keys.listingPrefix(table), k -> owned.matcher(k).matches(), tracked);
        }
    }

    private String handOverKey(TableSchema table) {
        return syncPrefix + HAND_OVER + table.name() + ".json";
    }

    private static HandOver readHandOver(InputStream in) {
        try (in) {
            return HandOver.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // An unreadable note is ignored: the journal rebuilds the file.
            return null;
        }
    }
}
