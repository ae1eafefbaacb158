package io.tributary.writers.s3;

import io.tributary.testsupport.s3.TestS3Server;
import io.tributary.writers.jsonl.JsonColumnCodec;
import io.tributary.writers.parquet.DuckDb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fresh bucket on the test S3 server and what a reader of it sees. DuckDB's httpfs extension is not
 * available offline, so Parquet objects are downloaded and DuckDB reads the local copies.
 */
final class S3Bucket implements AutoCloseable {

    final String name;
    final S3Client client;

    S3Bucket(String prefix) {
        this.name = TestS3Server.get().createBucket(prefix);
        this.client = TestS3Server.get().client();
    }

    /** The settings of an S3 destination writing to this bucket, plus {@code extra}. */
    Map<String, Object> destinationConfig(Map<String, Object> extra) {
        TestS3Server server = TestS3Server.get();
        Map<String, Object> raw = new HashMap<>();
        raw.put("s3_endpoint", server.endpoint().toString());
        raw.put("s3_bucket_name", name);
        raw.put("access_key_id", server.accessKeyId());
        raw.put("secret_access_key", server.secretAccessKey());
        raw.putAll(extra);
        return raw;
    }

    List<String> keys(String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(name).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    List<String> openUploads() {
        return client.listMultipartUploads(b -> b.bucket(name)).uploads().stream()
                .map(MultipartUpload::key)
                .toList();
    }

    long size(String key) {
        return client.headObject(b -> b.bucket(name).key(key)).contentLength();
    }

    /** Downloads the objects under {@code prefix} ending in {@code .parquet} into {@code dir}; returns the local glob. */
    Path downloadParquet(String prefix, Path dir) {
        try {
            Path target = Files.createDirectories(
                    dir.resolve(Integer.toHexString(prefix.hashCode()) + "-" + System.nanoTime()));
            int i = 0;
            for (String key : keys(prefix)) {
                if (key.endsWith(".parquet")) {
                    String k = key;
                    client.getObject(b -> b.bucket(name).key(k), target.resolve((i++) + ".parquet"));
                }
            }
            return i == 0 ? null : target.resolve("*.parquet");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of the Parquet files under {@code prefix} as DuckDB returns them for {@code select}. */
    List<Map<String, Object>> parquetRows(String prefix, String select, Path dir) {
        Path glob = downloadParquet(prefix, dir);
        return glob == null ? List.of() : DuckDb.query("SELECT " + select + " FROM " + DuckDb.parquet(glob));
    }

    /** Rows of the JSON Lines files under {@code prefix}. */
    List<ObjectNode> jsonRows(String prefix) {
        List<ObjectNode> rows = new ArrayList<>();
        for (String key : keys(prefix)) {
            if (!key.endsWith(".jsonl")) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(client.getObject(b -> b.bucket(name).key(key)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    rows.add((ObjectNode) JsonColumnCodec.MAPPER.readTree(line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    @Override
    public void close() {
        client.close();
    }
}
