package io.tributary.readers.postgres.shared;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.postgres.PostgresIdentifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The PostgreSQL source's change data capture settings ({@code replication_method: cdc}).
 *
 * @param slotBase base name of the replication slots; each captured table reads its own slot (see {@link #slotName})
 * @param publication the publication whose tables pgoutput sends
 * @param initialSnapshot whether the first sync copies the table before streaming its changes
 * @param heartbeat how often the reader reports its position to the server and logs the slot's WAL retention
 * @param maxRetainedWalBytes WAL a slot may retain before a sync fails (a warning from 80 %); 0: no limit
 * @param streamingTime 0: a sync ends at the WAL position current when it started; else it streams this long
 */
public record CdcSettings(
        String slotBase,
        String publication,
        boolean initialSnapshot,
        Duration heartbeat,
        long maxRetainedWalBytes,
        Duration streamingTime) {

    public static final String METHOD_FIELD = "replication_method";

    private static final Pattern SLOT_BASE = Pattern.compile("[a-z0-9_]{1,40}");

    /** How the source reads incremental streams: {@code standard} (cursor queries) or {@code cdc} (logical replication). */
    public enum ReplicationMethod implements ConfigField.Choice {
        STANDARD,
        CDC;

        @Override
        public String settingValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final ConfigField<ReplicationMethod> REPLICATION_METHOD = ConfigField.choice(
                    METHOD_FIELD, ReplicationMethod.class)
            .defaultsTo(ReplicationMethod.STANDARD)
            .describe("standard: full refresh and cursor-based incremental reads (SELECT only); cdc: incremental "
                    + "streams read the changes (inserts, updates, deletes, truncates) from the write-ahead log "
                    + "through logical replication with pgoutput; needs wal_level=logical and a user with REPLICATION");
    public static final ConfigField<String> REPLICATION_SLOT = ConfigField.string("replication_slot")
            .defaultsTo("tributary")
            .describe("cdc: base name of the logical replication slots, lower-case letters, digits and '_'; each "
                    + "captured table reads its own slot <replication_slot>_<schema>_<table>. Use one base name per "
                    + "connection");
    public static final ConfigField<String> PUBLICATION = ConfigField.string("publication")
            .defaultsTo("tributary_publication")
            .describe("cdc: the publication listing the captured tables; created, and the tables added, when the "
                    + "user may (otherwise the sync says which SQL to run)");
    public static final ConfigField<Boolean> INITIAL_SNAPSHOT = ConfigField.bool("initial_snapshot")
            .defaultsTo(true)
            .describe("cdc: copy each table in a snapshot consistent with the slot before streaming its changes; "
                    + "false streams only the changes made after the slot was created");
    public static final ConfigField<Long> HEARTBEAT_SECONDS = ConfigField.integer("heartbeat_seconds")
            .defaultsTo(10L)
            .between(1, 600)
            .describe("cdc: how often the reader reports its position to the server and logs the WAL the slot retains");
    public static final ConfigField<Long> MAX_RETAINED_WAL_MB = ConfigField.integer("max_retained_wal_mb")
            .defaultsTo(0L)
            .between(0, 100_000_000)
            .describe("cdc: WAL a slot may retain; from 80 % the sync logs a warning, above it the sync fails with "
                    + "what to do. 0: no limit");
    public static final ConfigField<Long> STREAMING_SECONDS = ConfigField.integer("streaming_seconds")
            .defaultsTo(0L)
            .between(0, 31_536_000)
            .describe("cdc: 0 ends each sync once it has read up to the WAL position current when it started "
                    + "(scheduled batches); N streams changes for N seconds, then ends (near-continuous capture)");

    /** The CDC fields of the source's spec; they count only with {@code replication_method: cdc}. */
    public static List<ConfigField<?>> fields() {
        return List.of(
                REPLICATION_METHOD,
                REPLICATION_SLOT,
                PUBLICATION,
                INITIAL_SNAPSHOT,
                HEARTBEAT_SECONDS,
                MAX_RETAINED_WAL_MB,
                STREAMING_SECONDS);
    }

    /**
     * The CDC settings of a validated source configuration, or {@code null} for {@code replication_method: standard}.
     *
     * @throws ConfigException naming the field and the fix
     */
    public static CdcSettings from(ConnectorConfig config) {
        if (REPLICATION_METHOD.get(config) != ReplicationMethod.CDC) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        String slot = REPLICATION_SLOT.optional(config).orElse("tributary").trim();
        if (!SLOT_BASE.matcher(slot).matches()) {
            problems.add("replication_slot: '" + slot + "' is not a usable slot base name; use 1 to 40 lower-case "
                    + "letters, digits and '_', e.g. tributary_shop");
        }
        String publication =
                PUBLICATION.optional(config).orElse("tributary_publication").trim();
        if (publication.isEmpty()
                || publication.getBytes(StandardCharsets.UTF_8).length > PostgresIdentifiers.MAX_BYTES) {
            problems.add("publication: give a publication name of 1 to 63 bytes");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new CdcSettings(
                slot,
                publication,
                INITIAL_SNAPSHOT.get(config),
                Duration.ofSeconds(HEARTBEAT_SECONDS.get(config)),
                MAX_RETAINED_WAL_MB.get(config) * 1024 * 1024,
                Duration.ofSeconds(STREAMING_SECONDS.get(config)));
    }

    /**
     * The slot of one table: {@code <base>_<schema>_<table>} in lower case with every other character
     * made {@code _}. A name that had to change, whose schema has a {@code _} (so that {@code a_b.c}
     * and {@code a.b_c} differ), or that is longer than 63 bytes ends in 8 hex characters of a hash of
     * the exact names, so two tables never share a slot.
     */
    public String slotName(String schema, String table) {
        String exact = slotBase + "_" + schema + "_" + table;
        String clean = exact.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (!clean.equals(exact) || schema.contains("_")) {
            clean = clean + "_" + hash(exact);
        }
        return PostgresIdentifiers.fit(clean);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
