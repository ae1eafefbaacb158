package io.tributary.writers.postgres;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.naming.NamingConvention;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableSchema;
import io.tributary.postgres.PostgresIdentifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything needed to finish one sync of one stream in the destination, decided when the loader is
 * made: the target schema, the raw and final tables with their staging tables, and for
 * append + dedup the key, cursor and parent/child links. It is stored (as JSON) in the destination's
 * load state with the staged data, so a later sync can finish an abandoned one without knowing the
 * catalog that sync had.
 *
 * @param tables the stream's own table first, then child tables parent first; empty when the stream is
 *     loaded raw only (normalization mode raw): then only the raw table is loaded
 * @param streamTable the stream's own table name, which keys its load state (kept when there are no typed tables)
 */
record LoadPlan(
        SyncMode syncMode,
        DestinationSyncMode mode,
        String schema,
        StagedTable raw,
        List<StagedTable> tables,
        String streamTable) {

    /** Marks staged rows with their chunk and record: {@code chunk << 32 | record index}. */
    static final String SEQUENCE_COLUMN = "_tributary_seq";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A destination table and the staging table its rows wait in until the sync completes.
     *
     * @param key append + dedup: the key columns of the stream's own table, else empty
     * @param cursor append + dedup: the column whose greatest value wins, or {@code null} (then the row loaded last wins)
     * @param hashId the table's own hashid column, or {@code null}
     * @param parentLink for a child table, its column holding the parent row's hashid, else {@code null}
     * @param parent for a child table, the parent's final table, else {@code null}
     * @param fields the stream's own table: its columns that hold a top-level field of the record, by column name
     *     (the field's name in {@code _airbyte_data}), so a field a CDC record leaves out can be told from a null
     *     ({@link CdcChangeMerge}); else empty (also in plans stored before it existed)
     */
    record StagedTable(
            String staging,
            String target,
            List<String> key,
            String cursor,
            String hashId,
            String parentLink,
            String parent,
            Map<String, String> fields) {

        StagedTable {
            key = key == null ? List.of() : List.copyOf(key);
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }

        StagedTable(
                String staging,
                String target,
                List<String> key,
                String cursor,
                String hashId,
                String parentLink,
                String parent) {
            this(staging, target, key, cursor, hashId, parentLink, parent, Map.of());
        }
    }

    LoadPlan {
        tables = List.copyOf(tables);
        if (streamTable == null && !tables.isEmpty()) {
            streamTable = tables.get(0).target(); // a plan stored before raw-only loads existed
        }
    }

    /** The root table: the stream's own table. */
    StagedTable root() {
        return tables.get(0);
    }

    /** True when only the raw table is loaded. */
    boolean rawOnly() {
        return tables.isEmpty();
    }

    String asJson() {
        return JSON.writeValueAsString(this);
    }

    static LoadPlan fromJson(String json) {
        return JSON.readValue(json, LoadPlan.class);
    }

    /**
     * Plans the load of {@code stream} into {@code tables}.
     *
     * @throws ConfigException for append + dedup without a primary key
     */
    static LoadPlan of(PostgresDestinationConfig config, ConfiguredStream stream, StreamTables tables, long syncId) {
        String schema = PostgresIdentifiers.fit(
                tables.namespace() == null || tables.namespace().isEmpty() ? config.schema() : tables.namespace());
        String rawName = PostgresIdentifiers.fit(NamingConvention.POSTGRES.rawTable(stream.destinationName()));
        StagedTable raw = new StagedTable(staging(syncId, rawName), rawName, List.of(), null, null, null, null);
        String streamTable = PostgresIdentifiers.fit(tables.name());
        if (tables.isRawOnly()) {
            if (stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
                throw new ConfigException(
                        "streams." + stream.name() + ": destination_sync_mode append_dedup keeps one row per "
                                + "primary key in the stream's typed table, which normalization mode raw does not make; use "
                                + "destination_sync_mode append (the raw table keeps every version) or normalization mode basic");
            }
            return new LoadPlan(stream.syncMode(), stream.destinationSyncMode(), schema, raw, List.of(), streamTable);
        }
        TableSchema rootSchema = tables.root();

        List<String> key = List.of();
        String cursor = null;
        if (stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
            key = dedupKey(stream, rootSchema);
            cursor = cursorColumn(stream, rootSchema);
        }
        Map<String, TableSchema> byName =
                tables.tables().stream().collect(Collectors.toMap(TableSchema::name, Function.identity(), (a, b) -> a));
        List<StagedTable> staged = new ArrayList<>();
        for (TableSchema table : tables.tables()) {
            String target = PostgresIdentifiers.fit(table.name());
            String hashId = ownHashId(table, byName.get(table.parent()));
            String link = table.parent() == null ? null : link(table, byName.get(table.parent()));
            boolean root = table == rootSchema;
            staged.add(new StagedTable(
                    staging(syncId, target),
                    target,
                    root ? key : List.of(),
                    root ? cursor : null,
                    hashId,
                    link,
                    table.parent() == null ? null : PostgresIdentifiers.fit(table.parent()),
                    root ? topLevelFields(table) : Map.of()));
        }
        return new LoadPlan(stream.syncMode(), stream.destinationSyncMode(), schema, raw, staged, streamTable);
    }

    private static String staging(long syncId, String table) {
        return PostgresIdentifiers.fit("_tributary_" + syncId + "_" + table);
    }

    /** The stream's primary key as columns of its own table: the configured key, else the source's. */
    private static List<String> dedupKey(ConfiguredStream stream, TableSchema root) {
        if (!root.primaryKey().isEmpty()) {
            return root.primaryKey().stream().map(PostgresIdentifiers::fit).toList();
        }
        List<String> key = new ArrayList<>();
        for (List<String> path : stream.stream().sourceDefinedPrimaryKey()) {
            root.columns().stream()
                    .filter(c -> c.path().equals(path))
                    .findFirst()
                    .ifPresent(c -> key.add(PostgresIdentifiers.fit(c.name())));
        }
        if (key.isEmpty()
                || key.size() != stream.stream().sourceDefinedPrimaryKey().size()) {
            throw new ConfigException(
                    "streams." + stream.name() + ": destination_sync_mode append_dedup keeps one row per "
                            + "primary key, but the stream has no primary key; set primary_key for the stream in the connection "
                            + "(e.g. [[\"id\"]]) or use destination_sync_mode append");
        }
        return key;
    }

    /** The column of the configured (or default) cursor, or {@code null} when the stream has none. */
    private static String cursorColumn(ConfiguredStream stream, TableSchema root) {
        List<String> path =
                stream.cursorField().isEmpty() ? stream.stream().defaultCursorField() : stream.cursorField();
        if (path.isEmpty()) {
            return null;
        }
        return root.columns().stream()
                .filter(c -> !c.isMetadata() && c.path().equals(path))
                .findFirst()
                .map(c -> PostgresIdentifiers.fit(c.name()))
                .orElse(null);
    }

    /** The columns that hold a whole top-level field of the record (not a flattened nested one), by column name. */
    private static Map<String, String> topLevelFields(TableSchema table) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            if (c.path().size() == 1) {
                fields.put(PostgresIdentifiers.fit(c.name()), c.path().get(0));
            }
        }
        return fields;
    }

    /** A metadata column named {@code _airbyte_..._hashid} that is not the link to the parent. */
    private static String ownHashId(TableSchema table, TableSchema parent) {
        String link = parent == null ? null : link(table, parent);
        return table.columns().stream()
                .filter(Column::isMetadata)
                .map(Column::name)
                .filter(n -> n.startsWith("_airbyte_") && n.endsWith("_hashid") && !n.equals(link))
                .findFirst()
                .map(PostgresIdentifiers::fit)
                .orElse(null);
    }

    /** The child's column that holds its parent's hashid: a hashid column both tables have. */
    private static String link(TableSchema child, TableSchema parent) {
        if (parent == null) {
            return null;
        }
        return child.columns().stream()
                .filter(Column::isMetadata)
                .map(Column::name)
                .filter(n -> n.endsWith("_hashid")
                        && parent.columns().stream()
                                .anyMatch(p -> p.isMetadata() && p.name().equals(n)))
                .findFirst()
                .map(PostgresIdentifiers::fit)
                .orElse(null);
    }
}
