package io.tributary.readers.file;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * A file's content once fetched and decompressed, as {@link Part}s read one after another: the
 * whole file, or each entry of a zip archive in turn. Everything streams, so an archive served over
 * HTTP is never stored: the entries are read in the order the archive holds them.
 */
final class FileContent implements Closeable {

    private static final int BUFFER = 64 * 1024;

    /**
     * One stream of decompressed bytes.
     *
     * @param name how messages name it: the file, or {@code archive.zip!entry.csv}
     * @param localFile the local file whose bytes these are as they are (not compressed), or {@code null}:
     *     formats that need random access (Parquet, Excel) read it in place instead of copying it
     */
    record Part(String name, InputStream bytes, Path localFile) {}

    /** Bytes that could not be decompressed: a truncated or damaged file, named in the message. */
    static final class CorruptContentException extends IOException {
        CorruptContentException(String message, IOException cause) {
            super(message, cause);
        }
    }

    private final String display;
    private final Compression compression;
    private final InputStream raw;
    private final ZipArchiveInputStream zip;
    private Part single;

    private FileContent(
            String display, Compression compression, InputStream raw, ZipArchiveInputStream zip, Part single) {
        this.display = display;
        this.compression = compression;
        this.raw = raw;
        this.zip = zip;
        this.single = single;
    }

    /**
     * Opens the file the settings name.
     *
     * @param fix what the user should check when the file cannot be opened
     */
    static FileContent open(FileSourceSettings settings, FileLocation.HttpAccess http, String fix) {
        String display = settings.location().display();
        InputStream raw = settings.location().open(http, fix);
        Compression compression = settings.compression();
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
            compression = compression.resolve(buffered, settings.format() == FileFormat.EXCEL);
            if (compression == Compression.ZIP) {
                // Entries written with a data descriptor after a stored body are still read.
                return new FileContent(
                        display, compression, raw, new ZipArchiveInputStream(buffered, "UTF-8", true, true), null);
            }
            Path local = compression == Compression.NONE && settings.location() instanceof FileLocation.Local l
                    ? l.path()
                    : null;
            InputStream decoded = compression.decode(buffered);
            InputStream bytes = compression == Compression.NONE ? decoded : new Checked(decoded, display, compression);
            return new FileContent(display, compression, raw, null, new Part(display, bytes, local));
        } catch (ZipException e) {
            closeQuietly(raw);
            throw notCompressed(display, compression, e);
        } catch (IOException e) {
            closeQuietly(raw);
            if (compression != Compression.NONE && compression != Compression.AUTO) {
                throw notCompressed(display, compression, e);
            }
            throw new ItemStreamException("cannot read " + display + ": " + e.getMessage(), e);
        }
    }

    private static ItemStreamException notCompressed(String display, Compression compression, IOException e) {
        return new ItemStreamException(
                display + ": not " + compression.settingValue() + "-compressed (" + e.getMessage()
                        + "); set compression to auto or none",
                e);
    }

    /** The next part, or {@code null} after the last. The previous part must have been read (or abandoned) first. */
    Part next() {
        if (zip == null) {
            Part part = single;
            single = null;
            return part;
        }
        try {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (isData(entry)) {
                    String name = display + "!" + entry.getName();
                    return new Part(name, new Checked(new KeepOpen(zip), name, compression), null);
                }
            }
            return null;
        } catch (IOException e) {
            throw new ItemStreamException(
                    display + ": not a readable zip archive (" + e.getMessage()
                            + "); the file may be truncated, or set compression to the one it has",
                    e);
        }
    }

    /** Directories, macOS resource forks and hidden files are not data. */
    private static boolean isData(ZipArchiveEntry entry) {
        String name = entry.getName();
        String last = name.substring(name.lastIndexOf('/', name.length() - 2) + 1);
        return !entry.isDirectory() && !name.startsWith("__MACOSX/") && !last.startsWith(".");
    }

    @Override
    public void close() {
        closeQuietly(zip != null ? zip : raw);
        closeQuietly(raw);
    }

    private static void closeQuietly(Closeable in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // reading only: nothing is lost
        }
    }

    /** Lets the format's parser close its part without closing the archive that holds the next entries. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive is closed with the FileContent
        }
    }

    /** Turns a decompressor's failure (a truncated gzip, say) into a message that names the file. */
    private static final class Checked extends FilterInputStream {
        private final String name;
        private final Compression compression;

        Checked(InputStream in, String name, Compression compression) {
            super(in);
            this.name = name;
            this.compression = compression;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        private IOException corrupt(IOException e) {
            if (e instanceof CorruptContentException) {
                return e;
            }
            return new CorruptContentException(
                    name + ": the " + compression.settingValue()
                            + "-compressed content ends too early or is damaged (" + e.getMessage()
                            + "); the file may be truncated: fetch it again",
                    e);
        }
    }
}
