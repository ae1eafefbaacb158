package io.tributary.rest.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body that may not stall: a read that waits longer than the timeout for the server's next
 * bytes closes the connection and fails with {@link Stalled}. Only time spent inside {@code read}
 * counts, so a sync that takes its time writing a chunk between two reads is never cut off. (The
 * JDK's HTTP client times out the answer's headers only, not a body that stops midway.)
 */
final class StallGuard extends FilterInputStream {

    /** The body stopped arriving. */
    static final class Stalled extends IOException {
        Stalled(Duration timeout) {
            super("the server sent nothing for " + timeout.toSeconds() + " s in the middle of the response");
        }
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rest-body-stall-guard");
        t.setDaemon(true);
        return t;
    });

    private final Duration timeout;
    private final ScheduledFuture<?> check;
    /** System.nanoTime() when the read in progress started, 0 when none is. */
    private volatile long readingSince;

    private volatile boolean stalled;

    StallGuard(InputStream in, Duration timeout) {
        super(in);
        this.timeout = timeout;
        long period = Math.max(50, timeout.toMillis() / 4);
        this.check = TIMER.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        long since = readingSince;
        if (since != 0 && System.nanoTime() - since > timeout.toNanos()) {
            stalled = true;
            check.cancel(false);
            try {
                in.close(); // unblocks the waiting read
            } catch (IOException ignored) {
                // the read fails either way
            }
        }
    }

    @Override
    public int read() throws IOException {
        readingSince = System.nanoTime();
        try {
            return checked(in.read());
        } catch (IOException e) {
            throw stalled ? new Stalled(timeout) : e;
        } finally {
            readingSince = 0;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        readingSince = System.nanoTime();
        try {
            return checked(in.read(b, off, len));
        } catch (IOException e) {
            throw stalled ? new Stalled(timeout) : e;
        } finally {
            readingSince = 0;
        }
    }

    /** A closed stream may answer end-of-file: after a stall that is no end of the body. */
    private int checked(int n) throws IOException {
        if (n < 0 && stalled) {
            throw new Stalled(timeout);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }
}
