package io.tributary.readers.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes to text, failing on bytes that are not valid in the charset (where
 * {@link java.io.InputStreamReader} would silently load U+FFFD) and knowing on which line they
 * are: the text before the bad bytes is delivered first, so the parser has read everything before
 * the failure. Drops a leading byte order mark.
 */
final class StrictTextReader extends Reader {

    private static final int BUFFER = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Bytes that are not text in the declared charset, with the line they are on. */
    static final class UndecodableTextException extends IOException {

        private final long line;

        UndecodableTextException(long line, Charset charset) {
            super("bytes that are not valid " + charset.name() + " text on line " + line);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private boolean endOfInput;
    private boolean flushed;
    private boolean undecodable;
    private boolean started;
    private long lineBreaksDelivered;

    StrictTextReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = decodeInto(CharBuffer.wrap(buffer, offset, length));
        if (n <= 0) {
            return n;
        }
        if (!started) {
            started = true;
            if (buffer[offset] == BYTE_ORDER_MARK) {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                n--;
                if (n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                lineBreaksDelivered++;
            }
        }
        return n;
    }

    private int decodeInto(CharBuffer out) throws IOException {
        int start = out.position();
        while (true) {
            if (undecodable) {
                if (out.position() > start) {
                    break;
                }
                throw new UndecodableTextException(lineBreaksDelivered + 1, decoder.charset());
            }
            if (flushed) {
                break;
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                undecodable = true;
                continue;
            }
            if (result.isOverflow() || out.position() > start) {
                break;
            }
            if (endOfInput) {
                decoder.flush(out);
                flushed = true;
                continue;
            }
            fill();
        }
        int n = out.position() - start;
        return n == 0 && flushed ? -1 : n;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
