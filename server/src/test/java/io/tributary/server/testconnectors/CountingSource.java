package io.tributary.server.testconnectors;

import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.CheckResult;
import io.tributary.connector.source.Source;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test source (type {@code counting}) producing {@code {id, name, nested: {n}}} for ids 1..count,
 * counting every record it reads under its {@code key} (to prove a resumed sync does not read again),
 * failing at {@code fail_at} for the first {@code fail_times} syncs that reach it, slowing down per
 * record, and deliberately writing its secret {@code token} into a log line and its failure message,
 * so that tests prove the service masks them.
 */
public final class CountingSource implements Source {

    private static final Logger log = LoggerFactory.getLogger(CountingSource.class);
    private static final Map<String, AtomicLong> READS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> FAILURES = new ConcurrentHashMap<>();

    private static final ConfigSpec SPEC = ConfigSpec.of(
            "Counting test source",
            ConfigField.integer("count").required().atLeast(0).describe("how many records"),
            ConfigField.string("key").defaultsTo("default").describe("name of the read counter"),
            ConfigField.integer("fail_at").defaultsTo(0L).describe("throw when reading this id; 0 never"),
            ConfigField.integer("fail_times").defaultsTo(1_000_000L).describe("how many times to fail at fail_at"),
            ConfigField.integer("delay_millis").defaultsTo(0L).describe("pause per record"),
            ConfigField.string("token").secret().describe("a secret that must never be shown"));

    /** Records read so far under {@code key}. */
    public static long reads(String key) {
        return READS.computeIfAbsent(key, k -> new AtomicLong()).get();
    }

    @Override
    public String type() {
        return "counting";
    }

    @Override
    public ConfigSpec spec() {
        return SPEC;
    }

    @Override
    public CheckResult check(ConnectorConfig config) {
        String token = config.optionalString("token").orElse("");
        return token.startsWith("bad")
                ? CheckResult.failure("token " + token + " was refused")
                : CheckResult.success("ok");
    }

    @Override
    public Catalog discover(ConnectorConfig config) {
        ObjectNode schema = JsonMapper.builder().build().readValue("""
                {"type":"object","properties":{"id":{"type":"integer"},"name":{"type":["null","string"]},
                 "nested":{"type":"object","properties":{"n":{"type":"integer"}}}}}""", ObjectNode.class);
        return new Catalog(List.of(new Stream(
                "numbers",
                "seq",
                schema,
                List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL),
                false,
                List.of("id"),
                List.of(List.of("id")),
                List.of("id"))));
    }

    @Override
    public ItemStreamReader<SourceRecord> reader(
            ConnectorConfig config, ConfiguredStream stream, Map<String, Object> previousSync) {
        long count = config.integer("count");
        String counter = config.string("key");
        long failAt = config.integer("fail_at");
        long failTimes = config.integer("fail_times");
        long delay = config.integer("delay_millis");
        String token = config.optionalString("token").orElse("");
        String key = stream.name() + ".last_id";
        AtomicLong reads = READS.computeIfAbsent(counter, k -> new AtomicLong());
        AtomicLong failures = FAILURES.computeIfAbsent(counter, k -> new AtomicLong());
        return new ItemStreamReader<>() {
            long last;

            @Override
            public void open(ExecutionContext context) {
                last = context.containsKey(key) ? context.getLong(key) : 0;
                log.info("counting source opens {} at id {} with token {}", stream.name(), last, token);
            }

            @Override
            public void update(ExecutionContext context) {
                context.putLong(key, last);
            }

            @Override
            public SourceRecord read() throws InterruptedException {
                if (last >= count) {
                    return null;
                }
                long id = last + 1;
                if (id == failAt && failures.get() < failTimes) {
                    failures.incrementAndGet();
                    throw new ItemStreamException("counting source failing at id " + id + " (token " + token + ")");
                }
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                last = id;
                reads.incrementAndGet();
                ObjectNode data = JsonNodeFactory.instance.objectNode();
                data.put("id", id);
                data.put("name", "name " + id);
                data.putObject("nested").put("n", id * 10);
                return new SourceRecord(data, 1_700_000_000_000L);
            }
        };
    }
}
