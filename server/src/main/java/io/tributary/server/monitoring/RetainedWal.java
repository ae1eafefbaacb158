package io.tributary.server.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.batch.job.StepNames;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The WAL each CDC stream's replication slot retained, per connection, as its last sync reported it:
 * the PostgreSQL CDC reader saves the figure in the load step's committed state as
 * {@value #KEY_SUFFIX} after the stream's name. Published as the gauge
 * {@code tributary.cdc.retained.wal} (bytes; tags {@code connection}, {@code stream}) and read by the
 * connection's MBean. Known from the first sync that ends after the service started.
 */
final class RetainedWal {

    static final String KEY_SUFFIX = ".cdc.retained_wal_bytes";

    private final MeterRegistry meters;
    private final Map<UUID, Map<String, AtomicLong>> byConnection = new ConcurrentHashMap<>();

    RetainedWal(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Takes the figures from the load steps of {@code execution} (later calls overwrite earlier ones). */
    void record(UUID connection, JobExecution execution) {
        if (execution == null) {
            return;
        }
        for (StepExecution step : execution.getStepExecutions()) {
            if (!StepNames.isLoad(step.getStepName())) {
                continue;
            }
            for (Map.Entry<String, Object> entry : step.getExecutionContext().entrySet()) {
                if (entry.getKey().endsWith(KEY_SUFFIX) && entry.getValue() instanceof Number bytes) {
                    String stream = entry.getKey().substring(0, entry.getKey().length() - KEY_SUFFIX.length());
                    gauge(connection, stream).set(bytes.longValue());
                }
            }
        }
    }

    /** Bytes retained by stream, for the streams of {@code connection} that reported a figure. */
    Map<String, Long> of(UUID connection) {
        Map<String, Long> out = new TreeMap<>();
        byConnection.getOrDefault(connection, Map.of()).forEach((stream, bytes) -> out.put(stream, bytes.get()));
        return out;
    }

    private AtomicLong gauge(UUID connection, String stream) {
        return byConnection
                .computeIfAbsent(connection, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(stream, s -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder("tributary.cdc.retained.wal", value, AtomicLong::get)
                            .baseUnit("bytes")
                            .description(
                                    "WAL retained by the stream's CDC replication slot at the end of the last sync")
                            .tag("connection", connection.toString())
                            .tag("stream", s)
                            .register(meters);
                    return value;
                });
    }
}
