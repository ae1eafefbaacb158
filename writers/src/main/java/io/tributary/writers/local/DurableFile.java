package io.tributary.writers.local;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written under a temporary name and renamed to its final name only once complete and
 * forced to disk, so nobody ever sees it half written.
 */
final class DurableFile {

    static final String TEMP_SUFFIX = ".tmp";

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean closed;

    private DurableFile(Path target) throws IOException {
        this.target = target;
        this.temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        this.channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        this.out = new BufferedOutputStream(new ChannelStream(), 1 << 16);
    }

    static DurableFile create(Path target) {
        try {
            return new DurableFile(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target + ": " + e.getMessage(), e);
        }
    }

    /** The stream to write the content to; closing it does not publish the file. */
    OutputStream stream() {
        return out;
    }

    /** Forces the content to disk and renames the file to its final name in one step. */
    void publish() {
        publishAs(target);
    }

    /**
     * As {@link #publish()}, under a name chosen only now: a data file's name records the chunks it
     * holds, known when it is closed.
     */
    void publishAs(Path name) {
        try {
            closeChannel();
            Files.move(temp, name, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops the unfinished file. Never throws: it runs while another failure is reported. */
    void discard() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the temporary file is deleted below either way
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover *.tmp is removed when the loader opens next time
        }
    }

    private void closeChannel() throws IOException {
        if (!closed) {
            out.flush();
            channel.force(true);
            channel.close();
            closed = true;
        }
    }

    /** Writes to the channel; close is a flush so that a format writer closing its stream keeps the file. */
    private final class ChannelStream extends OutputStream {
        private final OutputStream delegate = Channels.newOutputStream(channel);

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
        }

        @Override
        public void close() {
            // the channel closes in publish() or discard()
        }
    }
}
