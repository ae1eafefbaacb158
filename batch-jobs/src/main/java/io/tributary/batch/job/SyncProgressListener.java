package io.tributary.batch.job;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Logs a progress line for a stream every few seconds during its load (records, records/s, bytes)
 * and a summary line at its end, as users of Airbyte or Meltano expect from a long sync.
 */
final class SyncProgressListener implements ChunkListener<Object, Object>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("io.tributary.sync");

    private final String stream;
    private final LongSupplier bytes;
    private final long intervalNanos;
    private StepExecution step;
    private long startNanos;
    private long lastLogNanos;
    private long startRecords;

    SyncProgressListener(String stream, LongSupplier bytes, Duration interval) {
        this.stream = stream;
        this.bytes = bytes;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        startNanos = System.nanoTime();
        lastLogNanos = startNanos;
        startRecords = stepExecution.getWriteCount();
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        long now = System.nanoTime();
        if (now - lastLogNanos >= intervalNanos) {
            lastLogNanos = now;
            log.info("[{}] {}", stream, line(now));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        log.info(
                "[{}] {} {}",
                stream,
                stepExecution.getStatus().name().toLowerCase(Locale.ROOT),
                line(System.nanoTime()));
        return null;
    }

    private String line(long now) {
        long records = step.getWriteCount();
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        return String.format(
                Locale.ROOT,
                "%,d records (%,.0f records/s), %s in %.1f s",
                records,
                (records - startRecords) / seconds,
                formatBytes(bytes.getAsLong()),
                seconds);
    }

    static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
