package io.tributary.readers.file;

import java.io.Reader;
import java.nio.charset.Charset;

/** Opens a part of a file's content as text, decoded strictly ({@link StrictTextReader}). */
final class TextInput {

    private TextInput() {}

    static Reader open(FileContent.Part part, Charset encoding) {
        return new StrictTextReader(part.bytes(), encoding);
    }

    /** The message for bytes that are not text in the declared encoding. */
    static String encodingProblem(String file, Charset encoding, long line) {
        return file + ":" + line + ": bytes that are not valid " + encoding.name()
                + " text; set the encoding setting to the file's encoding (for example ISO-8859-1 or windows-1252)";
    }
}
