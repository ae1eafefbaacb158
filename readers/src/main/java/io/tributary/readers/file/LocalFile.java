package io.tributary.readers.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * A part of a file's content as a file on this machine, for formats that need random access
 * (Parquet reads its footer first, an .xlsx is a zip read by its directory): the local file itself
 * when its bytes are read as they are, otherwise a temporary copy (an HTTP download, a decompressed
 * file, an archive entry) deleted on {@link #close()}. The copy streams to disk: no heap is used.
 */
final class LocalFile implements AutoCloseable {

    private final Path path;
    private final boolean temporary;

    private LocalFile(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static LocalFile of(FileContent.Part part, String suffix) {
        if (part.localFile() != null) {
            return new LocalFile(part.localFile(), false);
        }
        Path copy = null;
        try (InputStream in = part.bytes()) {
            copy = Files.createTempFile("tributary-", suffix);
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return new LocalFile(copy, true);
        } catch (IOException e) {
            deleteQuietly(copy);
            String reason = e instanceof FileContent.CorruptContentException
                    ? e.getMessage()
                    : part.name() + ": cannot copy to a local temporary file (" + e.getMessage() + ")";
            throw new ItemStreamException(reason, e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        if (temporary) {
            deleteQuietly(path);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary directory is cleaned by the system in the end
        }
    }
}
