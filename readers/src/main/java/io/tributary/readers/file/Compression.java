package io.tributary.readers.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import io.tributary.connector.config.ConfigField;

/** How a file's bytes are compressed. */
enum Compression implements ConfigField.Choice {
    /** gzip when the name ends in .gz or the content starts with gzip's magic bytes; otherwise none. */
    AUTO,
    NONE,
    GZIP;

    private static final int BUFFER = 64 * 1024;

    @Override
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String withoutCompressionSuffix(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            return fileName.substring(0, fileName.length() - 3);
        }
        if (lower.endsWith(".gzip")) {
            return fileName.substring(0, fileName.length() - 5);
        }
        return fileName;
    }

    /** The decompressed content of {@code raw}. */
    InputStream decode(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        boolean gzip = switch (this) {
            case NONE -> false;
            case GZIP -> true;
            // The content decides, not the name: servers often serve gzip files under any name.
            case AUTO -> startsWithGzipMagic(in);
        };
        return gzip ? new GZIPInputStream(in, BUFFER) : in;
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }
}
