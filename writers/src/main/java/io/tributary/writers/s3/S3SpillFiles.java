package io.tributary.writers.s3;

import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.format.FileFormatOptions;
import io.tributary.writers.format.TableFileWriter;
import io.tributary.writers.s3.S3LoadState.PendingFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The open data file of each table, filled in a local temporary file (a "spill": memory holds at most
 * a Parquet row group, whatever the file size), and its upload as the parts of a multipart upload
 * that is left open, so the object appears only when the sync completes it.
 */
final class S3SpillFiles {

    private final FileFormatOptions format;
    private final Path localDir;
    private final Map<String, OpenFile> open = new HashMap<>();

    private record OpenFile(Path spill, TableFileWriter writer) {}

    /** @param localDir a directory of this stream and sync only: {@link #discard} deletes it */
    S3SpillFiles(FileFormatOptions format, Path localDir) {
        this.format = format;
        this.localDir = localDir;
    }

    boolean isOpen(TableSchema table) {
        return open.containsKey(table.name());
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    /** Bytes the table's open file holds so far, 0 when none is open. */
    long bytes(TableSchema table) {
        OpenFile file = open.get(table.name());
        return file == null ? 0 : file.writer().bytesWritten();
    }

    /** The writer of the table's open file; starts file {@code part} when none is open. */
    TableFileWriter writer(TableSchema table, long part) {
        OpenFile file = open.get(table.name());
        if (file == null) {
            try {
                Files.createDirectories(localDir);
                Path spill = localDir.resolve(table.name() + "-" + part + "." + format.extension());
                TableFileWriter writer =
                        format.open(table, new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
                file = new OpenFile(spill, writer);
                open.put(table.name(), file);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot create a local buffer file in " + localDir + ": " + e.getMessage(), e);
            }
        }
        return file.writer();
    }

    /**
     * Finishes the table's open file and uploads it to {@code key} in parts of {@code partSize},
     * without completing the upload; the local file is gone afterwards.
     */
    PendingFile closeAndUpload(TableSchema table, S3Objects objects, String key, long partSize) {
        OpenFile file = open.remove(table.name());
        file.writer().close();
        try {
            return objects.uploadParts(key, file.spill(), partSize);
        } finally {
            deleteQuietly(file.spill());
        }
    }

    /** Drops every open file: what a failed chunk wrote into them must not survive. */
    void discard() {
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

    void deleteLocalDir() {
        if (!Files.exists(localDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(localDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(S3SpillFiles::deleteQuietly);
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
}
