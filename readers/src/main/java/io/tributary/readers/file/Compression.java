package io.tributary.readers.file;

import io.tributary.connector.config.ConfigField;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * How a file's bytes are compressed. {@link #AUTO} recognises each compression by its magic bytes,
 * never by the file name: servers serve gzip files under any name, and a name says nothing about a
 * zip archive's entries.
 */
enum Compression implements ConfigField.Choice {
    /** The content decides: gzip, bzip2, zstd or zip when it starts with their magic bytes, otherwise none. */
    AUTO,
    NONE,
    GZIP,
    BZIP2,
    ZSTD,
    /** A zip archive: its entries are read one after another as one stream of records. */
    ZIP;

    private static final int BUFFER = 64 * 1024;

    /** Name suffixes of compressed files, stripped to find the format and the stream name. */
    static final List<String> SUFFIXES = List.of(".gz", ".gzip", ".bz2", ".bzip2", ".zst", ".zstd", ".zip");

    @Override
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String withoutCompressionSuffix(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String suffix : SUFFIXES) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return fileName.substring(0, fileName.length() - suffix.length());
            }
        }
        return fileName;
    }

    /**
     * The compression {@code in} holds: this one, or for {@link #AUTO} the one its first bytes show.
     * Leaves {@code in} where it was.
     *
     * @param zipIsContent the format itself is a zip container (an .xlsx workbook): a zip is not a compression then
     */
    Compression resolve(BufferedInputStream in, boolean zipIsContent) throws IOException {
        if (this != AUTO) {
            return this;
        }
        in.mark(4);
        int[] b = new int[4];
        for (int i = 0; i < 4; i++) {
            b[i] = in.read();
        }
        in.reset();
        if (b[0] == 0x1f && b[1] == 0x8b) {
            return GZIP;
        }
        if (b[0] == 'B' && b[1] == 'Z' && b[2] == 'h') {
            return BZIP2;
        }
        if (b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd) {
            return ZSTD;
        }
        // PK\3\4 starts an archive's first entry, PK\5\6 an empty archive.
        if (!zipIsContent && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5) && (b[3] == 4 || b[3] == 6)) {
            return ZIP;
        }
        return NONE;
    }

    /**
     * The decompressed content of a stream compressed with this (resolved, not {@link #AUTO})
     * compression; {@link #ZIP} archives are opened by {@link FileContent}, entry by entry.
     */
    InputStream decode(BufferedInputStream in) throws IOException {
        return switch (this) {
            case NONE, ZIP -> in;
            // The JDK's reader is faster than Commons Compress's, and also reads concatenated members.
            case GZIP -> new GZIPInputStream(in, BUFFER);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case AUTO -> throw new IllegalStateException("resolve the compression first");
        };
    }
}
