package io.tributary.writers.s3;

import io.tributary.writers.s3.S3LoadState.PendingFile;
import io.tributary.writers.s3.S3LoadState.TableFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's files in the running sync, as the loader changes them chunk by chunk; the committed copy
 * is {@link TableFiles} in {@link S3LoadState}.
 */
final class S3TableProgress {
    long firstFile;
    long nextFile;
    long openFileFirstChunk;
    final List<PendingFile> pending = new ArrayList<>();

    static S3TableProgress startingAt(long firstFile) {
        S3TableProgress p = new S3TableProgress();
        p.firstFile = firstFile;
        p.nextFile = firstFile;
        return p;
    }

    /** The saved files, or an empty table from {@code chunks} on when the state does not know it (a new table). */
    static S3TableProgress restored(TableFiles saved, long chunks) {
        S3TableProgress p = new S3TableProgress();
        if (saved != null) {
            p.firstFile = saved.firstFile();
            p.nextFile = saved.nextFile();
            p.openFileFirstChunk = saved.openFileFirstChunk();
            p.pending.addAll(saved.pending());
        } else {
            p.openFileFirstChunk = chunks;
        }
        return p;
    }

    TableFiles snapshot() {
        return new TableFiles(firstFile, nextFile, openFileFirstChunk, pending);
    }
}
