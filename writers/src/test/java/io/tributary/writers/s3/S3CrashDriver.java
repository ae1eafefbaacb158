package io.tributary.writers.s3;

import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.destination.StreamLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A sync in its own JVM, for the kill -9 test: loads chunks of {@link S3Fixture#customers} and after
 * each chunk "commits" the ExecutionContext to a file, as the job repository would; it never
 * completes, the test kills it.
 *
 * <p>Arguments: endpoint, bucket, access key, secret key, sync id, context file, chunks, rows per chunk.
 */
public final class S3CrashDriver {

    private S3CrashDriver() {}

    public static void main(String[] args) throws Exception {
        Map<String, Object> config = crashConfig(args[0], args[1], args[2], args[3]);
        long syncId = Long.parseLong(args[4]);
        Path contextFile = Path.of(args[5]);
        int chunks = Integer.parseInt(args[6]);
        int rows = Integer.parseInt(args[7]);
        StreamLoader loader = S3Fixture.loader(config, DestinationSyncMode.OVERWRITE, syncId);
        ExecutionContext ctx = new ExecutionContext();
        loader.open(ctx);
        for (int k = 0; k < chunks; k++) {
            loader.write(S3Fixture.customers((long) k * rows, (long) (k + 1) * rows, 1000));
            loader.update(ctx);
            save(ctx, contextFile);
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    static Map<String, Object> crashConfig(String endpoint, String bucket, String key, String secret) {
        return Map.of(
                "s3_endpoint",
                endpoint,
                "s3_bucket_name",
                bucket,
                "access_key_id",
                key,
                "secret_access_key",
                secret,
                "s3_bucket_path",
                "lake",
                "file_size_mb",
                12,
                "compression_codec",
                "SNAPPY");
    }

    private static void save(ExecutionContext ctx, Path file) throws IOException {
        Properties p = new Properties();
        ctx.entrySet().forEach(e -> p.setProperty(e.getKey(), String.valueOf(e.getValue())));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            p.store(out, null);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static ExecutionContext load(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        }
        ExecutionContext ctx = new ExecutionContext();
        p.stringPropertyNames().forEach(k -> ctx.putString(k, p.getProperty(k)));
        return ctx;
    }
}
