package io.tributary.writers.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tributary.connector.schema.TableSchema;

/**
 * The directory of one table in the local destination: visible data files
 * {@code <epoch>_<syncId>_<n>.<ext>}, and a hidden staging directory {@code .staging-<syncId>}
 * holding one {@code part-<chunk>.<ext>} per chunk until the sync completes.
 */
final class TableDirectory {

    private static final Pattern DATA_FILE = Pattern.compile("(\\d+)_(\\d+)_(\\d+)\\.(jsonl|parquet)");
    private static final Pattern PART = Pattern.compile("part-(\\d+)\\.(jsonl|parquet)");
    private static final String STAGING_PREFIX = ".staging-";

    private final TableSchema table;
    private final Path dir;
    private final Path staging;
    private final long syncId;

    TableDirectory(TableSchema table, Path dir, long syncId) {
        this.table = table;
        this.dir = dir;
        this.syncId = syncId;
        this.staging = dir.resolve(STAGING_PREFIX + syncId);
    }

    TableSchema table() {
        return table;
    }

    Path dir() {
        return dir;
    }

    /** A staged part in progress, published under its final part name when complete. */
    DurableFile newPart(long chunk, String extension) {
        createDirectories(staging);
        return DurableFile.create(staging.resolve("part-" + chunk + "." + extension));
    }

    /**
     * Restores the staging area to the state of {@code committedChunks} chunks: removes parts of
     * uncommitted chunks, half-written files, and staging left by earlier syncs that never completed.
     */
    void recover(long committedChunks) {
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
            OptionalLong chunk = partNumber(file);
            if (chunk.isEmpty() || chunk.getAsLong() >= committedChunks) {
                delete(file);
            }
        }
    }

    /** Removes whatever part {@code chunk} left in staging. */
    void discardChunk(long chunk) {
        for (Path file : list(staging)) {
            if (file.getFileName().toString().startsWith("part-" + chunk + ".")) {
                delete(file);
            }
        }
    }

    /**
     * Moves staged parts of chunks below {@code committedChunks} (all parts when {@code null}) into
     * the table directory, each under a unique name; a rename, so each appears whole.
     */
    void publishStaged(Long committedChunks, long epoch) {
        List<Path> parts = new ArrayList<>(list(staging));
        parts.sort(Comparator.comparingLong(p -> partNumber(p).orElse(Long.MAX_VALUE)));
        for (Path part : parts) {
            Matcher m = PART.matcher(part.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            long chunk = Long.parseLong(m.group(1));
            if (committedChunks != null && chunk >= committedChunks) {
                continue;
            }
            Path target = dir.resolve(epoch + "_" + syncId + "_" + chunk + "." + m.group(2));
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move " + part + " to " + target + ": " + e.getMessage(), e);
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

    /** The visible data files, oldest first. */
    List<Path> dataFiles() {
        return list(dir).stream()
                .filter(p -> DATA_FILE.matcher(p.getFileName().toString()).matches())
                .sorted()
                .toList();
    }

    private static OptionalLong partNumber(Path file) {
        Matcher m = PART.matcher(file.getFileName().toString());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
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
