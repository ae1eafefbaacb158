package io.tributary.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.tributary.testsupport.postgres.TestPostgres;
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
 */
@Command(name = "bench/run.sh", mixinStandardHelpOptions = true,
        description = "Benchmark Tributary against the physical baselines on this machine.")
public final class BenchmarkSuite implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows in the benchmark table (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--big", description = "Use 5,000,000 rows.")
    boolean big;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per case; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the data generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cases", split = ",", description = "Only these cases (their baselines run too).")
    List<String> only;

    @Option(names = "--heap", defaultValue = "512m", description = "-Xmx of every case's JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--json", defaultValue = "bench/results/latest.json", description = "Where to write the results (default: ${DEFAULT-VALUE}).")
    Path json;

    @Option(names = "--work-dir", defaultValue = "bench/work", description = "Files (CSV input, Parquet output) (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--database", defaultValue = "tributary_bench", description = "Database for the benchmark table and outputs.")
    String database;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkSuite()).execute(args));
    }

    /** Results of the last {@link #call()}, for the smoke test. */
    final Map<String, CaseResult> results = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (big) {
            rows = 5_000_000;
        }
        TestPostgres pg = TestPostgres.get();
        try (Connection admin = pg.connect("postgres"); Statement s = admin.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        }
        Files.createDirectories(workDir);
        BenchContext ctx = new BenchContext(pg.host(), pg.port(), database, pg.user(), pg.password(), rows, seed,
                workDir.toAbsolutePath(), null);
        long addresses;
        long csvBytes;
        try (Connection c = ctx.connect()) {
            BenchmarkData.ensure(c, rows, seed);
            addresses = BenchmarkData.addresses(c);
            csvBytes = Files.size(BenchmarkData.csv(c, ctx.workDir(), rows, seed));
        }
        Set<String> wanted = new java.util.HashSet<>();
        for (Cases c : Cases.ALL) {
            if (only == null || only.contains(c.name())) {
                wanted.add(c.name());
                if (c.baseline() != null) {
                    wanted.add(c.baseline());
                }
            }
        }
        wanted.add(Cases.READ_LIMIT);
        long sourceBytes = 0;
        for (Cases c : Cases.ALL) {
            if (!wanted.contains(c.name())) {
                continue;
            }
            List<Measurement> ms = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                System.err.printf(Locale.ROOT, "running %s (%d/%d) ...%n", c.name(), i, runs);
                ms.add(runChild(c.name(), ctx, i));
            }
            if (c.name().equals(Cases.READ_LIMIT)) {
                String check = ms.get(0).check();
                sourceBytes = Long.parseLong(check.substring(check.indexOf("copy_text_bytes=") + "copy_text_bytes=".length()));
            }
            long bytes = c.isCsv() ? csvBytes
                    : c.name().equals("tributary.incremental-1pct") ? sourceBytes * ms.get(0).rows() / Math.max(rows, 1) : sourceBytes;
            CaseResult result = new CaseResult(c, ms, bytes);
            results.put(c.name(), result);
            if (!result.checksAgree()) {
                problems.add(c.name() + ": runs produced different outputs: " + ms.stream().map(Measurement::check).toList());
            }
        }
        verify(addresses);
        print();
        writeJson();
        problems.forEach(p -> System.err.println("CHECK FAILED: " + p));
        return problems.isEmpty() ? 0 : 3;
    }

    private Measurement runChild(String caseName, BenchContext ctx, int run) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), BenchmarkChild.class.getName(), caseName));
        cmd.addAll(List.of(ctx.toArgs()));
        Path log = workDir.resolve("logs").resolve(caseName + "-" + run + ".log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(caseName + " failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + "); see " + log
                    + "\n" + tail(log));
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
        if (copy == null) {
            return;
        }
        String expected = copy.check();
        for (CaseResult r : results.values()) {
            String name = r.definition().name();
            if (name.startsWith("baseline.spring-batch") || name.equals(Cases.RAW)) {
                expect(name, r.check(), expected);
            }
            if (name.equals("tributary.pg-pg-normalized")) {
                expect(name, r.check(), expected + ",addresses=" + addresses);
            }
            if (name.equals("tributary.incremental-1pct")) {
                expect(name, r.check().substring(0, r.check().indexOf(',')), "changed=" + rows / 100);
            }
        }
        CaseResult duck = results.get(Cases.DUCKDB);
        CaseResult csv = results.get("tributary.csv-local-parquet");
        if (duck != null && csv != null) {
            expect(csv.definition().name(), csv.check(), duck.check());
        }
    }

    private void expect(String name, String actual, String expected) {
        if (!actual.equals(expected)) {
            problems.add(name + ": output " + actual + " differs from the source " + expected);
        }
    }

    private void print() {
        System.out.printf(Locale.ROOT, "%nTributary benchmark: %,d rows, %d run(s) per case, -Xmx%s per case, %d cores%n%n", rows, runs,
                heap, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-30s %10s %8s %8s %7s %11s %8s %9s %9s  %-26s %7s %8s%n", "case", "rows", "MB",
                "seconds", "spread", "rows/s", "MB/s", "heap MB", "RSS MB", "baseline", "ratio", "target");
        for (CaseResult r : results.values()) {
            Cases d = r.definition();
            String ratio = "";
            String target = "";
            if (d.baseline() != null && results.containsKey(d.baseline())) {
                double value = ratio(r, results.get(d.baseline()));
                ratio = String.format(Locale.ROOT, "%.2f", value);
                boolean met = d.higherIsBetter() ? value >= d.target() : value <= d.target();
                target = (d.higherIsBetter() ? ">=" : "<=") + d.target() + (met ? " ok" : " MISS");
            }
            System.out.printf(Locale.ROOT, "%-30s %,10d %8.1f %8.2f %6.0f%% %,11.0f %8.1f %9.1f %9.1f  %-26s %7s %8s%n", d.name(),
                    r.rows(), r.megabytes(), r.medianSeconds(), r.spreadPercent(), r.rowsPerSecond(), r.megabytesPerSecond(),
                    r.peakLiveHeap() / 1e6, r.peakRss() / 1e6, d.baseline() == null ? "" : d.baseline(), ratio, target);
        }
        CaseResult raw = results.get(Cases.RAW);
        CaseResult best = results.values().stream().filter(r -> r.definition().name().startsWith("baseline.spring-batch"))
                .max(java.util.Comparator.comparingDouble(CaseResult::rowsPerSecond)).orElse(null);
        if (raw != null && best != null) {
            double value = raw.rowsPerSecond() / best.rowsPerSecond();
            System.out.printf(Locale.ROOT, "%n%s vs the best hand-written Spring Batch job (%s): %.2fx (target >= 1.5x%s)%n",
                    Cases.RAW, best.definition().name(), value, value >= 1.5 ? " ok" : " MISS");
        }
        System.out.println("\nheap MB = peak heap occupancy right after a GC (live data); RSS MB = peak resident set (VmHWM).");
    }

    private static double ratio(CaseResult result, CaseResult baseline) {
        return result.definition().higherIsBetter()
                ? result.rowsPerSecond() / baseline.rowsPerSecond()
                : result.medianSeconds() / baseline.medianSeconds();
    }

    private void writeJson() throws IOException {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = mapper.createObjectNode();
        root.put("timestamp", Instant.now().toString());
        root.put("rows", rows);
        root.put("runs", runs);
        root.put("heap", heap);
        root.put("cores", Runtime.getRuntime().availableProcessors());
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
            n.put("peak_live_heap_bytes", r.peakLiveHeap());
            n.put("peak_rss_bytes", r.peakRss());
            ArrayNode secs = n.putArray("seconds");
            r.runs().forEach(m -> secs.add(m.seconds()));
            n.put("check", r.check());
            if (r.definition().baseline() != null && results.containsKey(r.definition().baseline())) {
                n.put("baseline", r.definition().baseline());
                n.put("ratio", ratio(r, results.get(r.definition().baseline())));
                n.put("target", r.definition().target());
            }
        }
        ArrayNode p = root.putArray("problems");
        problems.forEach(p::add);
        Files.createDirectories(json.toAbsolutePath().getParent());
        mapper.writeValue(json.toFile(), root);
        System.out.println("results written to " + json);
    }
}
