package io.tributary.writers.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.source.CheckResult;
import io.tributary.testsupport.s3.TestS3Server;
import io.tributary.writers.parquet.DuckDb;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

class S3DestinationIT {

    private static final AtomicLong SYNC_IDS = new AtomicLong(System.currentTimeMillis() % 100_000 * 1000);
    private static final String CUSTOMERS = "lake/shop/customers/";
    private static final String ADDRESSES = "lake/shop/customers_addresses/";

    private final S3Bucket bucket = new S3Bucket("s3it");
    private final S3Destination destination = new S3Destination();

    @TempDir
    Path downloads;

    @AfterEach
    void closeBucket() {
        bucket.close();
    }

    private Map<String, Object> config(Map<String, Object> extra) {
        Map<String, Object> raw = new HashMap<>(Map.of("s3_bucket_path", "lake"));
        raw.putAll(extra);
        return bucket.destinationConfig(raw);
    }

    private StreamLoader loader(Map<String, Object> extra, DestinationSyncMode mode, long syncId) {
        return S3Fixture.loader(config(extra), mode, syncId);
    }

    /** A whole sync: open, chunks {@code [bounds[i], bounds[i+1])}, close, complete. */
    private void sync(Map<String, Object> extra, DestinationSyncMode mode, int noteBytes, long... bounds)
            throws Exception {
        StreamLoader loader = loader(extra, mode, SYNC_IDS.incrementAndGet());
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        for (int i = 0; i + 1 < bounds.length; i++) {
            loader.write(S3Fixture.customers(bounds[i], bounds[i + 1], noteBytes));
            loader.update(ctx);
        }
        loader.close();
        loader.complete();
    }

    private List<Long> ids(String prefix) {
        return bucket.parquetRows(prefix, prefix.equals(CUSTOMERS) ? "id" : "customer_id AS id", downloads).stream()
                .map(r -> (Long) r.get("id"))
                .toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long i = from; i < to; i++) {
            ids.add(i);
        }
        return ids;
    }

    @Test
    void writesEachTableAsParquetInItsOwnFolderThatDuckDbReadsBackExactly() throws Exception {
        Instant before = Instant.now();
        sync(Map.of(), DestinationSyncMode.OVERWRITE, 20, 0, 40, 70);

        assertThat(bucket.keys("lake/shop/"))
                .hasSize(2)
                .allSatisfy(key -> assertThat(key)
                        .matches("lake/shop/customers(_addresses)?/\\d{4}_\\d{2}_\\d{2}_\\d{13}_0\\.parquet"));
        String epoch = bucket.keys(CUSTOMERS).get(0).replaceAll(".*_(\\d{13})_0\\.parquet", "$1");
        assertThat(Long.parseLong(epoch))
                .isBetween(before.toEpochMilli(), Instant.now().toEpochMilli());
        Path customers = bucket.downloadParquet(CUSTOMERS, downloads);
        assertThat(DuckDb.columnTypes(customers))
                .containsExactly(
                        entry("id", "BIGINT"),
                        entry("name", "VARCHAR"),
                        entry("balance", "DECIMAL(20,4)"),
                        entry("born", "DATE"),
                        entry("updated_at", "TIMESTAMP WITH TIME ZONE"),
                        entry("notes", "VARCHAR"),
                        entry("_airbyte_ab_id", "VARCHAR"));
        List<Map<String, Object>> rows = DuckDb.query("SELECT id, name, balance, CAST(born AS VARCHAR) AS born, "
                + "epoch_ms(updated_at) AS updated_ms, notes FROM " + DuckDb.parquet(customers) + " ORDER BY id");
        assertThat(rows).hasSize(70);
        for (Map<String, Object> row : rows) {
            long id = (Long) row.get("id");
            assertThat(row.get("name")).isEqualTo("Zoë Ünïcødé 東京 " + id);
            assertThat(row.get("balance")).isEqualTo(S3Fixture.balance(id).setScale(4));
            assertThat(row.get("updated_ms"))
                    .isEqualTo(Instant.parse("2023-12-31T23:00:00Z")
                            .plusSeconds(id)
                            .toEpochMilli());
            assertThat(row.get("notes") == null).isEqualTo(id % 7 == 0);
        }
        assertThat(rows.get(3).get("born")).isEqualTo("1980-01-04");
        assertThat(ids(ADDRESSES)).containsExactlyInAnyOrderElementsOf(range(0, 70));
    }

    @Test
    void uploadsAFileLargerThanThePartSizeInPartsThatStayInvisibleUntilComplete() throws Exception {
        StreamLoader loader = loader(
                Map.of("format", "jsonl", "file_size_mb", 6), DestinationSyncMode.APPEND, SYNC_IDS.incrementAndGet());
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        long started = System.nanoTime();
        loader.write(S3Fixture.customers(0, 7_000, 1000));
        loader.update(ctx);
        double seconds = (System.nanoTime() - started) / 1e9;

        MultipartUpload upload = bucket.client
                .listMultipartUploads(b -> b.bucket(bucket.name).prefix(CUSTOMERS))
                .uploads()
                .get(0);
        List<Part> parts = bucket.client
                .listParts(b -> b.bucket(bucket.name).key(upload.key()).uploadId(upload.uploadId()))
                .parts();
        assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(parts.get(0).size()).isEqualTo(5L * 1024 * 1024);
        assertThat(bucket.keys(CUSTOMERS))
                .as("nothing visible before complete()")
                .isEmpty();

        loader.close();
        loader.complete();

        String key = bucket.keys(CUSTOMERS).get(0);
        long size = bucket.size(key);
        assertThat(size).isGreaterThan(5L * 1024 * 1024);
        assertThat(bucket.jsonRows(CUSTOMERS)).hasSize(7_000);
        assertThat(bucket.openUploads()).isEmpty();
        System.out.printf(
                "[measure] JSON Lines chunk of 7000 rows, %.1f MB in %d parts + journal: %.2f s, %.1f MB/s%n",
                size / 1e6, parts.size(), seconds, size / 1e6 / seconds);
    }

    @Test
    void rollsOverIntoSeveralFilesAtTheConfiguredSize() throws Exception {
        sync(
                Map.of("format", "jsonl", "file_size_mb", 1),
                DestinationSyncMode.OVERWRITE,
                1000,
                0,
                600,
                1200,
                1800,
                2400,
                3000);

        List<String> keys = bucket.keys(CUSTOMERS);
        assertThat(keys).hasSizeGreaterThanOrEqualTo(3);
        assertThat(keys)
                .extracting(k -> k.replaceAll(".*_(\\d+)\\.jsonl", "$1"))
                .containsExactlyInAnyOrderElementsOf(
                        range(0, keys.size()).stream().map(String::valueOf).toList());
        assertThat(keys.subList(0, keys.size() - 1))
                .allSatisfy(k -> assertThat(bucket.size(k)).isGreaterThanOrEqualTo(1024 * 1024));
        assertThat(bucket.jsonRows(CUSTOMERS))
                .extracting(r -> r.get("id").longValue())
                .containsExactlyInAnyOrderElementsOf(range(0, 3000));
        assertThat(bucket.jsonRows(ADDRESSES)).hasSize(3000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD"})
    void eachCompressionCodecGivesFilesDuckDbReads(String codec) throws Exception {
        sync(Map.of("compression_codec", codec), DestinationSyncMode.OVERWRITE, 200, 0, 500);

        Path glob = bucket.downloadParquet(CUSTOMERS, downloads);
        assertThat(DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata('" + glob + "')"))
                .extracting(r -> r.get("compression"))
                .containsExactly(codec);
        assertThat(DuckDb.query("SELECT count(*) AS n, sum(balance) AS total FROM " + DuckDb.parquet(glob))
                        .get(0))
                .containsEntry("n", 500L)
                .containsEntry(
                        "total",
                        range(0, 500).stream()
                                .map(S3Fixture::balance)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .setScale(4));
    }

    /**
     * A reader probing the objects while an overwrite runs. S3 cannot swap several objects at once,
     * so the claim tested is: every new object appears whole, and no old object goes before every new
     * one is there. The reader checks each old key, then each possible new key, with HEAD: old
     * objects only disappear and new ones only appear, so an old key found missing means every new
     * key must be found in the same round. (HEAD, not a listing: s3proxy's file-system listing skips
     * untouched objects while others in the same folder change; AWS S3 and MinIO list consistently.)
     */
    @Test
    void aReaderDuringAnOverwriteNeverFindsOldDataGoneBeforeAllNewDataIsComplete() throws Exception {
        Map<String, Object> settings =
                Map.of("format", "jsonl", "file_size_mb", 1, "s3_path_format", "${NAMESPACE}/${STREAM_NAME}/part_");
        sync(settings, DestinationSyncMode.OVERWRITE, 1000, 0, 700, 1400, 2100);
        Map<String, Long> old = new HashMap<>();
        bucket.keys("lake/shop/").forEach(k -> old.put(k, bucket.size(k)));
        List<String> candidates = new ArrayList<>();
        for (String table : List.of(CUSTOMERS, ADDRESSES)) {
            for (int part = 0; part < 10; part++) {
                String key = table + "part_" + part + ".jsonl";
                if (!old.containsKey(key)) {
                    candidates.add(key);
                }
            }
        }
        List<Map<String, Long>> rounds = new CopyOnWriteArrayList<>();
        List<List<String>> listings = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (running.get()) {
                Map<String, Long> found = new java.util.LinkedHashMap<>();
                for (String key : old.keySet()) {
                    probe(key, found);
                }
                for (String key : candidates) {
                    probe(key, found);
                }
                rounds.add(found);
                listings.add(bucket.keys("lake/shop/"));
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        reader.start();
        try {
            sync(settings, DestinationSyncMode.OVERWRITE, 1000, 10_000, 10_700, 11_400, 12_100, 12_800);
        } finally {
            running.set(false);
            reader.join();
        }
        Map<String, Long> fresh = new HashMap<>();
        bucket.keys("lake/shop/").forEach(k -> fresh.put(k, bucket.size(k)));

        assertThat(fresh.keySet()).doesNotContainAnyElementsOf(old.keySet()).hasSizeGreaterThan(2);
        assertThat(rounds).hasSizeGreaterThan(2);
        Map<String, Long> sizes = new HashMap<>(old);
        sizes.putAll(fresh);
        for (Map<String, Long> found : rounds) {
            assertThat(sizes).as("every object found is whole").containsAllEntriesOf(found);
            boolean oldGone = !found.keySet().containsAll(old.keySet());
            assertThat(!oldGone || found.keySet().containsAll(fresh.keySet()))
                    .as("old data went before all new data was there: %s", found.keySet())
                    .isTrue();
        }
        Map<String, Long> after = new HashMap<>();
        old.keySet().forEach(k -> probe(k, after));
        candidates.forEach(k -> probe(k, after));
        assertThat(after).isEqualTo(fresh);
        for (List<String> listing : listings) {
            assertThat(sizes.keySet())
                    .as("a listing shows finished data files only, never staging")
                    .containsAll(withoutServerTempFiles(listing, sizes.keySet()));
        }
        assertThat(bucket.jsonRows(CUSTOMERS))
                .extracting(r -> r.get("id").longValue())
                .containsExactlyInAnyOrderElementsOf(range(10_000, 12_800));
    }

    /**
     * s3proxy's file-system store writes an object as {@code <key>-<uuid>} and renames it when the
     * body is complete, and a listing taken in between shows that file. It is the test server's own
     * temporary file, not something the writer put there (AWS S3 and MinIO never list an unfinished
     * PUT), so a listing entry that is a known key plus a UUID suffix is left out.
     */
    private static List<String> withoutServerTempFiles(List<String> listing, Set<String> known) {
        Pattern temp = Pattern.compile("(.*)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        return listing.stream()
                .filter(key -> {
                    Matcher m = temp.matcher(key);
                    return !(m.matches() && known.contains(m.group(1)));
                })
                .toList();
    }

    private void probe(String key, Map<String, Long> found) {
        try {
            found.put(
                    key,
                    bucket.client
                            .headObject(b -> b.bucket(bucket.name).key(key))
                            .contentLength());
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException absent) {
            // not there (yet, or any more)
        }
    }

    @Test
    void aSyncKilledMidUploadRestartsWithoutDuplicatesOrOpenUploads() throws Exception {
        TestS3Server server = TestS3Server.get();
        long syncId = SYNC_IDS.incrementAndGet();
        Path contextFile = downloads.resolve("context.properties");
        int chunks = 24;
        int rows = 2_000;
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        S3CrashDriver.class.getName(),
                        server.endpoint().toString(),
                        bucket.name,
                        server.accessKeyId(),
                        server.secretAccessKey(),
                        Long.toString(syncId),
                        contextFile.toString(),
                        Integer.toString(chunks),
                        Integer.toString(rows))
                .redirectErrorStream(true)
                .redirectOutput(downloads.resolve("child.log").toFile())
                .start();
        String killedDuring = null;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (killedDuring == null && System.nanoTime() < deadline && child.isAlive()) {
                long committed = Files.exists(contextFile)
                        ? S3LoadState.fromJson(S3CrashDriver.load(contextFile).getString("customers.s3.state"))
                                .chunks()
                        : 0;
                if (committed >= 3) {
                    String tracked = Files.exists(contextFile) ? Files.readString(contextFile) : "";
                    for (MultipartUpload u : bucket.client
                            .listMultipartUploads(b -> b.bucket(bucket.name).prefix("lake/shop/"))
                            .uploads()) {
                        if (!tracked.contains(u.uploadId())
                                && !bucket.client
                                        .listParts(b -> b.bucket(bucket.name)
                                                .key(u.key())
                                                .uploadId(u.uploadId()))
                                        .parts()
                                        .isEmpty()) {
                            child.destroyForcibly();
                            killedDuring = u.key();
                            break;
                        }
                    }
                }
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(killedDuring)
                .as(
                        "the child was killed while a file was being uploaded; log: %s",
                        Files.exists(downloads.resolve("child.log"))
                                ? Files.readString(downloads.resolve("child.log"))
                                : "")
                .isNotNull();
        assertThat(bucket.keys(CUSTOMERS))
                .as("nothing of the killed sync is visible")
                .isEmpty();

        ExecutionContext committed = S3CrashDriver.load(contextFile);
        long done =
                S3LoadState.fromJson(committed.getString("customers.s3.state")).chunks();
        StreamLoader restarted = S3Fixture.loader(
                bucket.destinationConfig(S3CrashDriver.crashConfig(
                        server.endpoint().toString(), bucket.name, server.accessKeyId(), server.secretAccessKey())),
                DestinationSyncMode.OVERWRITE,
                syncId);
        restarted.open(committed);
        assertThat(bucket.openUploads())
                .as("after open only the committed files' uploads are left")
                .allSatisfy(k ->
                        assertThat(committed.getString("customers.s3.state")).contains(k));
        for (long k = done; k < chunks; k++) {
            restarted.write(S3Fixture.customers(k * rows, (k + 1) * rows, 1000));
            restarted.update(committed);
        }
        restarted.close();
        restarted.complete();

        assertThat(ids(CUSTOMERS))
                .hasSize(chunks * rows)
                .containsExactlyInAnyOrderElementsOf(range(0, (long) chunks * rows));
        assertThat(ids(ADDRESSES)).hasSize(chunks * rows);
        assertThat(bucket.openUploads()).isEmpty();
        assertThat(bucket.keys("lake/.tributary-staging/")).isEmpty();
        System.out.printf(
                "[measure] killed while uploading %s after %d committed chunks; restart finished %d files%n",
                killedDuring, done, bucket.keys(CUSTOMERS).size());
    }

    @Test
    void aNewLoaderCompletingTheSyncTakesOverTheFilesTheLoadStepUploadedWhenItClosed() throws Exception {
        long syncId = SYNC_IDS.incrementAndGet();
        StreamLoader load = loader(Map.of(), DestinationSyncMode.OVERWRITE, syncId);
        ExecutionContext ctx = new ExecutionContext();
        load.open(ctx);
        load.write(S3Fixture.customers(0, 300, 50));
        load.update(ctx);
        load.write(S3Fixture.customers(300, 500, 50));
        load.update(ctx);
        load.close();
        List<String> handedOver = bucket.client.listMultipartUploads(b -> b.bucket(bucket.name)).uploads().stream()
                .map(MultipartUpload::uploadId)
                .toList();
        assertThat(handedOver).as("one upload per table, left open by close()").hasSize(2);
        assertThat(bucket.keys("lake/shop/")).isEmpty();

        // the next step, as batch-jobs runs it: a new loader opened with the load step's committed context
        StreamLoader completing = loader(Map.of(), DestinationSyncMode.OVERWRITE, syncId);
        completing.open(new ExecutionContext(ctx));
        assertThat(bucket.client
                        .listMultipartUploads(b -> b.bucket(bucket.name))
                        .uploads())
                .extracting(MultipartUpload::uploadId)
                .as("taken over, not aborted")
                .containsExactlyInAnyOrderElementsOf(handedOver);
        completing.complete();
        completing.close();

        assertThat(ids(CUSTOMERS)).containsExactlyInAnyOrderElementsOf(range(0, 500));
        assertThat(ids(ADDRESSES)).containsExactlyInAnyOrderElementsOf(range(0, 500));
        assertThat(bucket.openUploads()).isEmpty();
        assertThat(bucket.keys("lake/.tributary-staging/")).isEmpty();
    }

    @Test
    void aFailedSyncThatIsNeverRestartedIsCleanedUpByTheNextSync() throws Exception {
        Map<String, Object> settings = Map.of("format", "jsonl", "file_size_mb", 1);
        sync(settings, DestinationSyncMode.OVERWRITE, 100, 0, 10);
        StreamLoader failed = loader(settings, DestinationSyncMode.OVERWRITE, SYNC_IDS.incrementAndGet());
        ExecutionContext ctx = new ExecutionContext();
        failed.open(ctx);
        failed.write(S3Fixture.customers(100, 1_500, 1000));
        failed.update(ctx);
        // this chunk closes a second file, then its commit fails and the step closes the loader
        failed.write(S3Fixture.customers(1_500, 3_000, 1000));
        assertThat(bucket.openUploads()).hasSize(2);
        failed.close();
        assertThat(bucket.openUploads())
                .as("only the committed file waits for a restart")
                .hasSize(1);
        assertThat(bucket.jsonRows(CUSTOMERS))
                .extracting(r -> r.get("id").longValue())
                .as("the failed sync left the previous data")
                .containsExactlyInAnyOrderElementsOf(range(0, 10));

        sync(settings, DestinationSyncMode.OVERWRITE, 100, 2_000, 2_005);

        assertThat(bucket.jsonRows(CUSTOMERS))
                .extracting(r -> r.get("id").longValue())
                .containsExactlyInAnyOrderElementsOf(range(2_000, 2_005));
        assertThat(bucket.openUploads()).isEmpty();
        assertThat(bucket.keys("lake/.tributary-staging/")).isEmpty();
    }

    @Test
    void measuresParquetThroughputToTheS3Server() throws Exception {
        int rows = 200_000;
        long started = System.nanoTime();
        sync(
                Map.of("compression_codec", "SNAPPY", "file_size_mb", 64),
                DestinationSyncMode.OVERWRITE,
                40,
                0,
                50_000,
                100_000,
                150_000,
                200_000);
        double seconds = (System.nanoTime() - started) / 1e9;

        long bytes = bucket.keys("lake/shop/").stream().mapToLong(bucket::size).sum();
        assertThat(DuckDb.query("SELECT count(*) AS n FROM "
                                + DuckDb.parquet(bucket.downloadParquet(CUSTOMERS, downloads)))
                        .get(0))
                .containsEntry("n", (long) rows);
        System.out.printf(
                "[measure] Parquet SNAPPY, %d customers + %d addresses, %.1f MB in S3: %.2f s, %.0f rows/s, %.1f MB/s%n",
                rows, rows, bytes / 1e6, seconds, rows / seconds, bytes / 1e6 / seconds);
    }

    // ---- check ----

    private CheckResult check(Map<String, Object> raw) {
        return destination.check(destination.spec().validate(raw, "destinations.lake.config"));
    }

    @Test
    void checkSucceedsWithWorkingSettingsAndLeavesNothingBehind() {
        CheckResult result = check(config(Map.of()));

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message())
                .contains("wrote, listed and deleted a test object in s3://" + bucket.name + "/lake");
        assertThat(bucket.keys("")).isEmpty();
        assertThat(bucket.openUploads()).isEmpty();
    }

    @Test
    void checkTellsAnUnknownAccessKeyFromAWrongSecret() {
        Map<String, Object> unknownKey = config(Map.of("access_key_id", "nobody"));
        Map<String, Object> wrongSecret = config(Map.of("secret_access_key", "not-the-secret"));

        assertThat(check(unknownKey).message())
                .startsWith("wrong credentials:")
                .contains("'nobody'")
                .contains("access_key_id");
        assertThat(check(wrongSecret).message())
                .startsWith("wrong credentials:")
                .contains("secret_access_key does not match access_key_id");
    }

    @Test
    void checkReportsAMissingBucket() {
        CheckResult result = check(config(Map.of("s3_bucket_name", "no-such-bucket-" + SYNC_IDS.incrementAndGet())));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .startsWith("missing bucket: bucket 'no-such-bucket-")
                .contains("fix s3_bucket_name");
    }

    @Test
    void checkReportsCredentialsThatMayReadButNotWrite() {
        TestS3Server server = TestS3Server.get();
        CheckResult result = check(config(Map.of(
                "access_key_id", server.readOnlyAccessKeyId(), "secret_access_key", server.readOnlySecretAccessKey())));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .startsWith("no write permission: write in s3://" + bucket.name + "/lake")
                .contains("grant s3:PutObject");
    }

    @Test
    void checkReportsAnEndpointNothingListensOn() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CheckResult result = check(config(Map.of("s3_endpoint", "http://127.0.0.1:" + port)));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message())
                .startsWith("wrong endpoint: cannot reach the S3 server at http://127.0.0.1:" + port)
                .contains("connection refused")
                .contains("check s3_endpoint");
    }
}
