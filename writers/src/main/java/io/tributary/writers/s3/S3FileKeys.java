package io.tributary.writers.s3;

import io.tributary.connector.schema.TableSchema;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The object keys of a stream's data files, from {@code s3_path_format}: what is written, listed and owned. */
final class S3FileKeys {

    private final S3DestinationConfig config;
    private final String namespace;

    /** @param namespace the destination namespace as a file name, or {@code null} for none */
    S3FileKeys(S3DestinationConfig config, String namespace) {
        this.config = config;
        this.namespace = namespace;
    }

    /** The key of part {@code part} of {@code table} in the sync started at {@code syncStartMillis}. */
    String fileKey(TableSchema table, long syncStartMillis, String uuid, long part) {
        return prefix(table, syncStartMillis, uuid) + part + "."
                + config.format().extension();
    }

    /** The longest fixed prefix of every key of {@code table}, for listings. */
    String listingPrefix(TableSchema table) {
        return config.pathTemplate().listingPrefix(config.bucketPath(), namespace, table.name());
    }

    /** Matches the keys of {@code table}'s data files of any sync: the objects an overwrite replaces. */
    Pattern filePattern(TableSchema table) {
        return config.pathTemplate().fileKeys(config.bucketPath(), namespace, table.name());
    }

    /** The first part number no existing object of {@code table} uses under this sync's key prefix. */
    long firstFreePart(S3Objects objects, TableSchema table, long syncStartMillis, String uuid) {
        String prefix = prefix(table, syncStartMillis, uuid);
        Pattern part = Pattern.compile(Pattern.quote(prefix) + "(\\d+)\\.(?:jsonl|parquet)");
        long free = 0;
        for (String key : objects.list(prefix)) {
            Matcher m = part.matcher(key);
            if (m.matches()) {
                free = Math.max(free, Long.parseLong(m.group(1)) + 1);
            }
        }
        return free;
    }

    private String prefix(TableSchema table, long syncStartMillis, String uuid) {
        return config.pathTemplate()
                .resolve(config.bucketPath(), namespace, table.name(), Instant.ofEpochMilli(syncStartMillis), uuid);
    }
}
