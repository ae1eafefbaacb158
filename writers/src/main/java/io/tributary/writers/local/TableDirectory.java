package io.tributary.writers.local;

import io.tributary.connector.schema.TableSchema;
import io.tributary.writers.format.JournalRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory of one table in the local destination: visible data files
 * {@code <epoch>_<syncId>_<n>.<ext>}, and a hidden staging directory {@code .staging-<syncId>} for
 * the sync in progress. Staging holds
 * <ul>
 *   <li>{@code file-<n>-<chunks>.<ext>}: data file {@code n}, finished after {@code chunks} chunks
 *       (its name says which committed state it belongs to), moved in when the sync completes;</li>
 *   <li>{@code file-<n>.<ext>.tmp}: the file being filled, which spans chunks up to the target size;</li>
 *   <li>{@code chunk-<k>.rows}: the table's rows of chunk {@code k} ({@link JournalRows}), forced to
 *       disk before the chunk commits, kept while the open file holds them: a Parquet file cannot be
 *       continued after a crash, so a restart rebuilds the open file from these.</li>
 * </ul>
 */
final class TableDirectory {

    private static final Pattern DATA_FILE = Pattern.compile("(\\d+)_(\\d+)_(\\d+)\\.(jsonl|parquet)");
    private static final Pattern STAGED_FILE = Pattern.compile("file-(\\d+)-(\\d+)\\.(jsonl|parquet)");
    private static final Pattern JOURNAL = Pattern.compile("chunk-(\\d+)\\.rows");
    private static final String STAGING_PREFIX = ".staging-";

    private final TableSchema table;
    private final Path dir;
    private final Path staging;
    private final long syncId;
    private final String extension;

    TableDirectory(TableSchema table, Path dir, long syncId, String extension) {
        this.table = table;
        this.dir = dir;
        this.syncId = syncId;
        this.extension = extension;
        this.staging = dir.resolve(STAGING_PREFIX + syncId);
    }

    TableSchema table() {
        return table;
    }

    /** Data file {@code n}, to be filled; {@link #finish} gives it its staged name. */
    DurableFile newFile(long n) {
        createDirectories(staging);
        return DurableFile.create(staging.resolve("file-" + n + "." + extension));
    }

    /** Stages a filled data file {@code n} as finished after {@code chunks} chunks. */
    void finish(DurableFile file, long n, long chunks) {
        file.publishAs(stagedFile(n, chunks));
    }

    /** Whether data file {@code n}, finished after {@code chunks} chunks, is staged (a hand-over). */
    boolean isStaged(long n, long chunks) {
        return Files.exists(stagedFile(n, chunks));
    }

    /** Drops a staged hand-over: a restarted load continues that file instead. */
    void unstage(long n, long chunks) {
        delete(stagedFile(n, chunks));
    }

    /** Whether data file {@code n} of this sync was moved in already (by a complete() that then crashed). */
    boolean isPublished(long n) {
        return list(dir).stream().anyMatch(p -> {
            Matcher m = DATA_FILE.matcher(p.getFileName().toString());
            return m.matches() && Long.parseLong(m.group(2)) == syncId && Long.parseLong(m.group(3)) == n;
        });
    }

    /** Stores the table's rows of chunk {@code chunk}, on disk before it returns. */
    void journal(long chunk, ByteBuffer rows) {
        createDirectories(staging);
        DurableFile file = DurableFile.create(journalFile(chunk));
        try {
            file.stream().write(rows.array(), rows.arrayOffset() + rows.position(), rows.remaining());
            file.publish();
        } catch (IOException | RuntimeException e) {
            file.discard();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Feeds the journaled rows of chunks {@code from} (inclusive) to {@code to} (exclusive), in order. */
    void replay(long from, long to, Consumer<Object[]> rows) {
        for (long chunk = from; chunk < to; chunk++) {
            Path file = journalFile(chunk);
            if (!Files.exists(file)) {
                continue; // the chunk had no row of this table
            }
            try (InputStream in = Files.newInputStream(file)) {
                JournalRows.decode(table, in, rows);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read journal " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Removes the journals of chunks before {@code chunk}: their rows are in finished files. */
    void dropJournalsBefore(long chunk) {
        for (Path file : list(staging)) {
            Matcher m = JOURNAL.matcher(file.getFileName().toString());
            if (m.matches() && Long.parseLong(m.group(1)) < chunk) {
                delete(file);
            }
        }
    }

    /**
     * Restores staging to a committed state: {@code chunks} chunks, files before {@code nextFile}
     * finished, the open file {@code nextFile} holding chunks from {@code openFileFirstChunk}. Removes
     * what uncommitted chunks left (files they finished, their journals, half-written files) and the
     * staging of earlier syncs that never completed; keeps a hand-over of the open file made after
     * exactly {@code chunks} chunks.
     */
    void recover(long chunks, long nextFile, long openFileFirstChunk) {
        createDirectories(staging);
        for (Path other : list(dir)) {
            String name = other.getFileName().toString();
            if (name.startsWith(STAGING_PREFIX) && !other.equals(staging)) {
                deleteRecursively(other);
            } else if (name.endsWith(DurableFile.TEMP_SUFFIX)) {
                delete(other);
            }
        }
        for (Path file : list(staging)) {
            String name = file.getFileName().toString();
            Matcher staged = STAGED_FILE.matcher(name);
            Matcher journal = JOURNAL.matcher(name);
            boolean keep;
            if (staged.matches()) {
                long n = Long.parseLong(staged.group(1));
                keep = n < nextFile || n == nextFile && Long.parseLong(staged.group(2)) == chunks;
            } else if (journal.matches()) {
                long chunk = Long.parseLong(journal.group(1));
                keep = chunk >= openFileFirstChunk && chunk < chunks;
            } else {
                keep = false;
            }
            if (!keep) {
                delete(file);
            }
        }
    }

    /** Removes what chunk {@code chunk} left in staging after it failed: files it finished, its journal. */
    void discardChunk(long chunk) {
        for (Path file : list(staging)) {
            Matcher staged = STAGED_FILE.matcher(file.getFileName().toString());
            if (staged.matches() && Long.parseLong(staged.group(2)) == chunk + 1
                    || file.getFileName()
                            .toString()
                            .equals(journalFile(chunk).getFileName().toString())) {
                delete(file);
            }
        }
    }

    /**
     * Moves the staged files up to {@code lastFile} into the table directory as
     * {@code <epoch>_<syncId>_<n>.<ext>}; a rename, so each appears whole.
     */
    void publishStaged(long lastFile, long epoch) {
        List<Path> files = new ArrayList<>(list(staging));
        files.sort(Comparator.naturalOrder());
        for (Path file : files) {
            Matcher m = STAGED_FILE.matcher(file.getFileName().toString());
            if (!m.matches() || Long.parseLong(m.group(1)) > lastFile) {
                continue;
            }
            Path target = dir.resolve(epoch + "_" + syncId + "_" + m.group(1) + "." + m.group(3));
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move " + file + " to " + target + ": " + e.getMessage(), e);
            }
        }
    }

    /** Deletes the data files of every other sync: what an overwrite replaces. */
    void deleteOtherSyncs() {
        for (Path file : list(dir)) {
            Matcher m = DATA_FILE.matcher(file.getFileName().toString());
            if (m.matches() && Long.parseLong(m.group(2)) != syncId) {
                delete(file);
            }
        }
    }

    void dropStaging() {
        deleteRecursively(staging);
    }

    private Path stagedFile(long n, long chunks) {
        return staging.resolve("file-" + n + "-" + chunks + "." + extension);
    }

    private Path journalFile(long chunk) {
        return staging.resolve("chunk-" + chunk + ".rows");
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(TableDirectory::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
