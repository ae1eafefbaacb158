package io.tributary.readers.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.zip.ZipException;

import org.springframework.batch.infrastructure.item.ItemStreamException;

/** Opens a file's content as text: fetched, decompressed, decoded strictly ({@link StrictTextReader}). */
final class TextInput {

    private TextInput() {
    }

    /**
     * @param fix what the user should check when the file cannot be opened
     */
    static Reader open(FileSourceSettings settings, FileLocation.HttpAccess http, String fix) {
        InputStream raw = settings.location().open(http, fix);
        try {
            return new StrictTextReader(settings.compression().decode(raw), settings.encoding());
        } catch (ZipException e) {
            closeQuietly(raw);
            throw new ItemStreamException(settings.location().display() + ": not gzip-compressed (" + e.getMessage()
                    + "); set compression to auto or none");
        } catch (IOException e) {
            closeQuietly(raw);
            throw new ItemStreamException("cannot read " + settings.location().display() + ": " + e.getMessage(), e);
        }
    }

    /** The message for bytes that are not text in the declared encoding. */
    static String encodingProblem(FileSourceSettings settings, long line) {
        return settings.location().display() + ":" + line + ": bytes that are not valid " + settings.encoding().name()
                + " text; set the encoding setting to the file's encoding (for example ISO-8859-1 or windows-1252)";
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }
}
