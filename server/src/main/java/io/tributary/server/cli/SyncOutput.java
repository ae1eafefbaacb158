package io.tributary.server.cli;

import io.tributary.batch.engine.StreamResult;
import io.tributary.batch.engine.SyncResult;
import java.io.PrintWriter;
import java.util.Locale;

/** How sync results are printed: a summary per sync and a line per stream. */
final class SyncOutput {

    private SyncOutput() {}

    static int print(SyncResult result, PrintWriter out, PrintWriter err) {
        PrintWriter w = result.succeeded() ? out : err;
        w.printf(
                Locale.ROOT,
                "sync of %s (job %d): %s in %.1f s, %,d records, %s%n",
                result.connection(),
                result.jobExecutionId(),
                result.status().toLowerCase(Locale.ROOT),
                result.duration().toMillis() / 1000.0,
                result.records(),
                bytes(result.bytes()));
        for (StreamResult s : result.streams()) {
            w.printf(
                    Locale.ROOT,
                    "  %-40s %-10s %,12d records  %s%n",
                    s.stream(),
                    s.status().toLowerCase(Locale.ROOT),
                    s.records(),
                    bytes(s.bytes()));
        }
        if (!result.succeeded()) {
            err.println("error: sync of " + result.connection() + " "
                    + result.status().toLowerCase(Locale.ROOT)
                    + (result.failure() == null ? "" : ": " + result.failure())
                    + "; fix the cause and run restart to resume from the last committed chunk");
            return TributaryCommand.SYNC_FAILED;
        }
        return 0;
    }

    static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
