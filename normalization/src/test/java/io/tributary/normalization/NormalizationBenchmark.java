package io.tributary.normalization;

import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.schema.NormalizedRecord;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of the normalizer on the product's example record ({@code customers} with a flattened
 * contact and two addresses: three rows), on one thread, with the GC profiler's allocation per
 * record ({@code gc.alloc.rate.norm}, bytes per operation). Run with (see normalization/README.md):
 * <pre>./mvnw -q -pl connector-api install -DskipTests &amp;&amp; ./mvnw -pl normalization test-compile exec:exec@benchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class NormalizationBenchmark {

    private StreamNormalizer normalizer;
    private SourceRecord record;

    @Setup
    public void plan() {
        normalizer = StreamFixtures.normalizer("customers", StreamFixtures.CUSTOMERS_SCHEMA);
        record = StreamFixtures.record(StreamFixtures.CUSTOMER_RECORD);
    }

    /** One example record through the processor: records per second. */
    @Benchmark
    public NormalizedRecord exampleRecord() {
        return normalizer.process(record);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(NormalizationBenchmark.class.getSimpleName())
                        .addProfiler(GCProfiler.class)
                        .build())
                .run();
    }
}
