package io.tributary.benchmarks;

import io.tributary.testsupport.postgres.TestPostgres;
import io.tributary.testsupport.s3.TestS3Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark suite: prepares the benchmark table, runs every case several times (each run in
 * its own JVM with a small heap), and prints rows, MB, seconds, rows/s, MB/s, peak heap, peak RSS
 * and each case's ratio to its baseline measured in the same run. Also writes the results as JSON.
 *
 * <p>Runs are interleaved (the first run of every case, then the second of every case...), so that
 * a case and its baseline see the same conditions on a machine whose load changes over time.
 */
@Command(
        name = "bench/run.sh",
        mixinStandardHelpOptions = true,
        description = "Benchmark Tributary against the physical baselines on this machine.")
public final class BenchmarkSuite implements Callable<Integer> {

    @Option(
            names = "--rows",
            defaultValue = "1000000",
            description = "Rows in the benchmark table (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--big", description = "Use 5,000,000 rows.")
    boolean big;

    @Option(
            names = "--runs",
            defaultValue = "3",
            description = "Runs per case; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the data generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cases", split = ",", description = "Only these cases (their baselines run too).")
    List<String> only;

    @Option(
            names = "--memory",
            description = "Also run the memory comparison: the normalized PG -> PG sync on the table and "
                    + "on one of " + Cases.MEMORY_FACTOR
                    + "x the rows (1,000,000 and 5,000,000 by default), live heap sampled.")
    boolean memory;

    @Option(
            names = "--heap",
            defaultValue = "512m",
            description = "-Xmx of every case's JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(
            names = "--jvm-arg",
            description =
                    "An extra option for every case's JVM, e.g. a profiler: "
                            + "--jvm-arg=-XX:StartFlightRecording=filename={case}.jfr ({case} becomes the case and run; repeatable).")
    List<String> jvmArgs = new ArrayList<>();

    @Option(
            names = "--json",
            defaultValue = "bench/results/latest.json",
            description = "Where to write the results (default: ${DEFAULT-VALUE}).")
    Path json;

    @Option(
            names = "--work-dir",
            defaultValue = "bench/work",
            description = "Files (CSV input, Parquet output) (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(
            names = "--database",
            defaultValue = "tributary_bench",
            description = "Database for the benchmark table and outputs.")
    String database;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkSuite()).execute(args));
    }

    /** This run's case logs: one directory per suite run, so that concurrent runs on one work directory keep theirs apart. */
    private Path logDir;

    /** Results of the last {@link #call()}, for the smoke test. */
    final Map<String, CaseResult> results = new LinkedHashMap<>();

    final List<String> problems = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (big) {
            rows = 5_000_000;
        }
        List<Cases> selected = select();
        TestPostgres pg = TestPostgres.get();
        try (Connection admin = pg.connect("postgres");
                Statement s = admin.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        }
        Files.createDirectories(workDir);
        logDir = workDir.resolve("logs")
                .resolve(java.time.LocalDateTime.now().withNano(0).toString().replace(':', '-') + "-"
                        + ProcessHandle.current().pid());
        S3Target s3 = null;
        if (selected.stream().anyMatch(Cases::needsS3)) {
            TestS3Server server = TestS3Server.get();
            s3 = new S3Target(
                    server.endpoint().toString(),
                    server.createBucket("bench"),
                    server.accessKeyId(),
                    server.secretAccessKey());
        }
        BenchContext ctx = new BenchContext(
                pg.host(),
                pg.port(),
                database,
                pg.user(),
                pg.password(),
                rows,
                seed,
                workDir.toAbsolutePath(),
                BenchmarkData.SCHEMA,
                s3);
        BenchContext bigCtx = ctx.withTable(BenchmarkData.BIG_SCHEMA, rows * Cases.MEMORY_FACTOR);
        long addresses;
        long csvBytes;
        try (Connection c = ctx.connect()) {
            BenchmarkData.ensure(c, BenchmarkData.SCHEMA, rows, seed);
            if (memory) {
                BenchmarkData.ensure(c, BenchmarkData.BIG_SCHEMA, bigCtx.rows(), seed);
            }
            addresses = BenchmarkData.addresses(c, ctx.table());
            csvBytes = Files.size(BenchmarkData.csv(c, ctx.table(), ctx.workDir(), rows, seed));
        }
        Map<String, List<Measurement>> measured = new LinkedHashMap<>();
        for (int i = 1; i <= runs; i++) {
            for (Cases c : selected) {
                System.err.printf(Locale.ROOT, "running %s (%d/%d) ...%n", c.name(), i, runs);
                BenchContext context = c.name().equals(Cases.MEMORY_BIG) ? bigCtx : ctx;
                measured.computeIfAbsent(c.name(), n -> new ArrayList<>()).add(runChild(c.name(), context, i));
            }
        }
        String readCheck = measured.get(Cases.READ_LIMIT).get(0).check();
        long sourceBytes = Long.parseLong(
                readCheck.substring(readCheck.indexOf("copy_text_bytes=") + "copy_text_bytes=".length()));
        for (Cases c : selected) {
            List<Measurement> ms = measured.get(c.name());
            long caseRows = ms.get(0).rows();
            long bytes = c.isCsv() ? csvBytes : sourceBytes * caseRows / Math.max(rows, 1);
            CaseResult result = new CaseResult(c, ms, bytes);
            results.put(c.name(), result);
            if (!result.checksAgree()) {
                problems.add(c.name() + ": runs produced different outputs: "
                        + ms.stream().map(Measurement::check).toList());
            }
        }
        verify(addresses);
        print();
        writeJson();
        problems.forEach(p -> System.err.println("CHECK FAILED: " + p));
        return problems.isEmpty() ? 0 : 3;
    }

    /** The cases asked for, with their baselines (transitively) and the read limit, in suite order. */
    private List<Cases> select() {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        wanted.add(Cases.READ_LIMIT);
        for (Cases c : Cases.ALL) {
            boolean asked = only == null ? !c.memory() || memory : only.contains(c.name());
            if (asked) {
                for (Cases d = c; d != null; d = d.baseline() == null ? null : Cases.named(d.baseline())) {
                    wanted.add(d.name());
                }
            }
        }
        if (only != null) {
            only.forEach(Cases::named); // an unknown name fails here, listing the cases
        }
        memory = memory || wanted.contains(Cases.MEMORY_BIG);
        return Cases.ALL.stream().filter(c -> wanted.contains(c.name())).toList();
    }

    private Measurement runChild(String caseName, BenchContext ctx, int run) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        cmd.addAll(jvmArgs.stream()
                .map(a -> a.replace("{case}", caseName + "-" + run))
                .toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchmarkChild.class.getName(), caseName));
        cmd.addAll(List.of(ctx.toArgs()));
        Path log = logDir.resolve(caseName + "-" + run + ".log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(caseName + " failed (exit " + (p.isAlive() ? "timeout" : p.exitValue())
                    + "); see " + log + "\n" + tail(log));
        }
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("RESULT ")) {
                return Measurement.parse(line);
            }
        }
        throw new IllegalStateException(caseName + " printed no result; see " + log + "\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Every destination must hold exactly what the source holds. */
    private void verify(long addresses) {
        CaseResult copy = results.get(Cases.COPY_PIPE);
        if (copy != null) {
            String expected = copy.check();
            for (CaseResult r : results.values()) {
                String name = r.definition().name();
                if (name.startsWith("baseline.spring-batch") || name.equals(Cases.RAW)) {
                    expect(name, r.check(), expected);
                }
                if (name.equals(Cases.NORMALIZED) || name.equals(Cases.S3_PARQUET)) {
                    expect(name, r.check(), expected + ",addresses=" + addresses);
                }
                if (name.equals(Cases.MEMORY)) {
                    expect(name, r.check(), "rows=" + rows);
                }
            }
        }
        CaseResult big = results.get(Cases.MEMORY_BIG);
        if (big != null) {
            expect(Cases.MEMORY_BIG, big.check(), "rows=" + rows * Cases.MEMORY_FACTOR);
        }
        CaseResult incremental = results.get(Cases.INCREMENTAL);
        if (incremental != null) {
            expect(
                    Cases.INCREMENTAL,
                    incremental.check().substring(0, incremental.check().indexOf(',')),
                    "changed=" + rows / 100);
        }
        CaseResult duck = results.get(Cases.DUCKDB);
        CaseResult csv = results.get(Cases.CSV_PARQUET);
        if (duck != null && csv != null) {
            expect(csv.definition().name(), csv.check(), duck.check());
        }
    }

    private void expect(String name, String actual, String expected) {
        if (!actual.equals(expected)) {
            problems.add(name + ": output " + actual + " differs from the source " + expected);
        }
    }

    /** The ratio of a case to its baseline, or {@code null} when it has none in this run. */
    private Double ratio(CaseResult r) {
        Cases d = r.definition();
        CaseResult baseline = d.baseline() == null ? null : results.get(d.baseline());
        return baseline == null ? null : d.ratio().of(r, baseline);
    }

    private void print() {
        System.out.printf(
                Locale.ROOT,
                "%nTributary benchmark: %,d rows, %d run(s) per case, -Xmx%s per case, %d cores%n%n",
                rows,
                runs,
                heap,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "%-30s %10s %8s %8s %7s %11s %8s %9s %9s  %-26s %7s %10s%n",
                "case",
                "rows",
                "MB",
                "seconds",
                "spread",
                "rows/s",
                "MB/s",
                "heap MB",
                "RSS MB",
                "baseline",
                "ratio",
                "target");
        for (CaseResult r : results.values()) {
            Cases d = r.definition();
            Double value = ratio(r);
            String ratio = value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
            String target = value == null
                    ? ""
                    : d.ratio().comparison + d.target() + (d.ratio().met(value, d.target()) ? " ok" : " MISS");
            System.out.printf(
                    Locale.ROOT,
                    "%-30s %,10d %8.1f %8.2f %6.0f%% %,11.0f %8.1f %9.1f %9.1f  %-26s %7s %10s%n",
                    d.name(),
                    r.rows(),
                    r.megabytes(),
                    r.medianSeconds(),
                    r.spreadPercent(),
                    r.rowsPerSecond(),
                    r.megabytesPerSecond(),
                    r.peakLiveHeap() / 1e6,
                    r.peakRss() / 1e6,
                    d.baseline() == null ? "" : d.baseline(),
                    ratio,
                    target);
        }
        CaseResult raw = results.get(Cases.RAW);
        CaseResult best = bestHandWritten();
        System.out.println();
        if (raw != null && best != null) {
            double value = raw.rowsPerSecond() / best.rowsPerSecond();
            System.out.printf(
                    Locale.ROOT,
                    "%s vs the best hand-written Spring Batch job (%s): %.2fx (target >= 1.5x%s)%n",
                    Cases.RAW,
                    best.definition().name(),
                    value,
                    value >= 1.5 ? " ok" : " MISS");
        }
        CaseResult s3 = results.get(Cases.S3_PARQUET);
        if (s3 != null) {
            System.out.printf(
                    Locale.ROOT,
                    "%s moved %.1f MB/s of source data (target >= %.0f MB/s%s)%n",
                    Cases.S3_PARQUET,
                    s3.megabytesPerSecond(),
                    Cases.S3_MEGABYTES_PER_SECOND,
                    s3.megabytesPerSecond() >= Cases.S3_MEGABYTES_PER_SECOND ? " ok" : " MISS");
        }
        System.out.println(
                "\nMB = source data as COPY text (CSV cases: the CSV file); spread = (slowest - fastest) / median.");
        System.out.println(
                "heap MB = peak heap right after a GC, which for G1 includes old garbage not yet reclaimed; the memory cases");
        System.out.println(
                "instead sample the live heap with a full GC every second. RSS MB = peak resident set (VmHWM).");
    }

    private CaseResult bestHandWritten() {
        return results.values().stream()
                .filter(r -> r.definition().name().startsWith("baseline.spring-batch"))
                .max(Comparator.comparingDouble(CaseResult::rowsPerSecond))
                .orElse(null);
    }

    private void writeJson() throws IOException {
        JsonMapper mapper =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = mapper.createObjectNode();
        root.put("timestamp", Instant.now().toString());
        root.put("rows", rows);
        root.put("runs", runs);
        root.put("heap", heap);
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("java", System.getProperty("java.version"));
        ArrayNode cases = root.putArray("cases");
        for (CaseResult r : results.values()) {
            ObjectNode n = cases.addObject();
            n.put("case", r.definition().name());
            n.put("description", r.definition().description());
            n.put("rows", r.rows());
            n.put("megabytes", r.megabytes());
            n.put("median_seconds", r.medianSeconds());
            n.put("spread_percent", r.spreadPercent());
            n.put("rows_per_second", r.rowsPerSecond());
            n.put("megabytes_per_second", r.megabytesPerSecond());
            n.put("peak_heap_bytes", r.peakLiveHeap());
            n.put("peak_rss_bytes", r.peakRss());
            ArrayNode secs = n.putArray("seconds");
            r.runs().forEach(m -> secs.add(m.seconds()));
            n.put("check", r.check());
            Double ratio = ratio(r);
            if (ratio != null) {
                n.put("baseline", r.definition().baseline());
                n.put("ratio_of", r.definition().ratio().name().toLowerCase(Locale.ROOT));
                n.put("ratio", ratio);
                n.put(
                        "target",
                        r.definition().ratio().comparison + r.definition().target());
                n.put(
                        "target_met",
                        r.definition().ratio().met(ratio, r.definition().target()));
            }
        }
        CaseResult raw = results.get(Cases.RAW);
        CaseResult best = bestHandWritten();
        if (raw != null && best != null) {
            ObjectNode n = root.putObject("raw_vs_hand_written");
            n.put("hand_written", best.definition().name());
            n.put("ratio", raw.rowsPerSecond() / best.rowsPerSecond());
            n.put("target", ">=1.5");
        }
        ArrayNode p = root.putArray("problems");
        problems.forEach(p::add);
        Files.createDirectories(json.toAbsolutePath().getParent());
        mapper.writeValue(json.toFile(), root);
        System.out.println("results written to " + json);
    }
}
