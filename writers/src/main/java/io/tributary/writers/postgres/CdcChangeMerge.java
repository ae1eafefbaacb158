package io.tributary.writers.postgres;

import static io.tributary.postgres.PostgresIdentifiers.qualified;
import static io.tributary.postgres.PostgresIdentifiers.quote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What append + dedup does beyond "latest cursor wins" for change records of a CDC source, before the
 * staged rows are merged (in the merge's transaction, while the raw staging table still exists):
 * <ul>
 * <li><b>Truncate</b>: a record with {@code _ab_cdc_deleted_at} set and no field but the
 *     {@code _ab_cdc_*} ones. The final rows with a lower {@code _ab_cdc_lsn} (all of them when the
 *     table has no such column) and every row staged before it leave; the children of removed final
 *     rows follow. The raw table keeps the truncate record.
 * <li><b>Absent fields</b>: PostgreSQL does not resend an unchanged TOASTed value, so the record leaves
 *     the field out (absent means unchanged, JSON null means NULL). The raw {@code _airbyte_data}
 *     tells the two apart ({@code jsonb_exists}); a staged row whose field is absent takes the value of
 *     the latest earlier staged version of its key where the field is present, else the final row's.
 *     Only columns that hold a whole top-level field are filled: a flattened nested field or a child
 *     table of a left-out value cannot be told from an empty one and loads as the record has it (a
 *     TOASTed json value is a top-level column, so it is kept).
 * </ul>
 * Streams without the CDC columns are untouched: for other sources a missing field means null.
 */
final class CdcChangeMerge {

    private static final Logger log = LoggerFactory.getLogger(CdcChangeMerge.class);

    static final String CDC_LSN = "_ab_cdc_lsn";
    private static final String CDC_PREFIX = "_ab_cdc_";

    private final Connection connection;
    private final String schema;
    private final LoadPlan plan;
    private final Map<String, String> staged;
    private final Map<String, String> target;
    private final String seq = quote(LoadPlan.SEQUENCE_COLUMN);

    /**
     * @param staged the root staging table's columns and types
     * @param target the root final table's columns and types (it exists)
     */
    CdcChangeMerge(
            Connection connection,
            String schema,
            LoadPlan plan,
            Map<String, String> staged,
            Map<String, String> target) {
        this.connection = connection;
        this.schema = schema;
        this.plan = plan;
        this.staged = staged;
        this.target = target;
    }

    /** Applies truncates, then fills absent fields; does nothing for a stream without CDC columns. */
    void apply() throws SQLException {
        if (!staged.containsKey(StagedDataMerge.CDC_DELETED_AT) || !staged.containsKey(CDC_LSN)) {
            return;
        }
        applyTruncate();
        fillAbsentFields();
    }

    private void applyTruncate() throws SQLException {
        String raw = qualified(schema, plan.raw().staging());
        long lastTruncate;
        String truncateLsn;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT max(r." + seq + "), max((r._airbyte_data->>'" + CDC_LSN + "')::numeric)::text"
                                + " FROM " + raw + " r WHERE r._airbyte_data->>'" + StagedDataMerge.CDC_DELETED_AT
                                + "' IS NOT NULL"
                                + " AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys(r._airbyte_data) k WHERE k NOT LIKE '\\_ab\\_cdc\\_%')")) {
            rs.next();
            lastTruncate = rs.getLong(1);
            if (rs.wasNull()) {
                return;
            }
            truncateLsn = rs.getString(2);
        }
        LoadPlan.StagedTable root = plan.root();
        String finalTable = qualified(schema, root.target());
        // final rows are older than the truncate unless a replayed chunk brought it again after newer changes: the LSN
        // decides
        String older = truncateLsn == null || !target.containsKey(CDC_LSN)
                ? ""
                : " WHERE " + quote(CDC_LSN) + " IS NULL OR " + quote(CDC_LSN) + " < " + truncateLsn;
        int removed = update("DELETE FROM " + finalTable + older);
        for (LoadPlan.StagedTable child : plan.tables().subList(1, plan.tables().size())) {
            LoadPlan.StagedTable parent = plan.tables().stream()
                    .filter(t -> t.target().equals(child.parent()))
                    .findFirst()
                    .orElse(null);
            if (parent != null
                    && parent.hashId() != null
                    && child.parentLink() != null
                    && exists(child.target())
                    && exists(parent.target())) {
                update("DELETE FROM " + qualified(schema, child.target()) + " c WHERE NOT EXISTS (SELECT 1 FROM "
                        + qualified(schema, parent.target()) + " p WHERE p." + quote(parent.hashId()) + " = c."
                        + quote(child.parentLink()) + ")");
            }
        }
        int dropped =
                update("DELETE FROM " + qualified(schema, root.staging()) + " WHERE " + seq + " <= " + lastTruncate);
        log.info(
                "{}.{}: applied a TRUNCATE (_ab_cdc_lsn {}): removed {} final row(s) and {} row(s) staged before it",
                schema,
                root.target(),
                truncateLsn,
                removed,
                dropped);
    }

    private void fillAbsentFields() throws SQLException {
        LoadPlan.StagedTable root = plan.root();
        List<String> columns = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        root.fields().forEach((column, field) -> {
            if (staged.containsKey(column) && !root.key().contains(column) && !field.startsWith(CDC_PREFIX)) {
                columns.add(column);
                fields.add(field);
            }
        });
        if (columns.isEmpty() || root.key().isEmpty()) {
            return;
        }
        String raw = qualified(schema, plan.raw().staging());
        String stagingTable = qualified(schema, root.staging());
        int n = columns.size();
        String absentFlags = IntStream.range(0, n)
                .mapToObj(i -> "NOT jsonb_exists(r._airbyte_data, " + literal(fields.get(i)) + ") AS " + alias("a", i))
                .collect(Collectors.joining(", "));
        int absent = update("CREATE TEMP TABLE _tributary_absent ON COMMIT DROP AS SELECT r." + seq + ", " + absentFlags
                + " FROM " + raw + " r WHERE r._airbyte_data->>'" + StagedDataMerge.CDC_DELETED_AT + "' IS NULL"
                + " AND NOT jsonb_exists_all(r._airbyte_data, ARRAY["
                + fields.stream().map(CdcChangeMerge::literal).collect(Collectors.joining(", ")) + "]::text[])");
        if (absent > 0) {
            String keys = root.key().stream().map(k -> "v." + quote(k)).collect(Collectors.joining(", "));
            // a run of rows of one key shares group g_i from a row where field i is present up to the next such row
            String v = "SELECT s." + seq + ", "
                    + root.key().stream().map(k -> "s." + quote(k)).collect(Collectors.joining(", "))
                    + ", "
                    + IntStream.range(0, n)
                            .mapToObj(i -> "s." + quote(columns.get(i)) + " AS " + alias("c", i) + ", coalesce(a."
                                    + alias("a", i) + ", false) AS " + alias("a", i))
                            .collect(Collectors.joining(", "))
                    + " FROM " + stagingTable + " s LEFT JOIN pg_temp._tributary_absent a ON a." + seq + " = s." + seq
                    + " WHERE (" + root.key().stream().map(k -> "s." + quote(k)).collect(Collectors.joining(", "))
                    + ") IN (SELECT "
                    + root.key().stream().map(k -> "s2." + quote(k)).collect(Collectors.joining(", ")) + " FROM "
                    + stagingTable
                    + " s2 JOIN pg_temp._tributary_absent a2 ON a2." + seq + " = s2." + seq + ")";
            String g = "SELECT v.*, "
                    + IntStream.range(0, n)
                            .mapToObj(i -> "count(*) FILTER (WHERE NOT v." + alias("a", i) + ") OVER (PARTITION BY "
                                    + keys + " ORDER BY v." + seq + ") AS " + alias("g", i))
                            .collect(Collectors.joining(", "))
                    + " FROM v";
            String p = "SELECT g.*, "
                    + IntStream.range(0, n)
                            .mapToObj(i -> "first_value(g." + alias("c", i) + ") OVER (PARTITION BY "
                                    + keys.replace("v.", "g.") + ", g." + alias("g", i) + " ORDER BY g." + seq + ") AS "
                                    + alias("p", i))
                            .collect(Collectors.joining(", "))
                    + " FROM g";
            String sameKey = root.key().stream()
                    .map(k -> "t." + quote(k) + " = " + StagedDataMerge.converted("p", k, staged, target))
                    .collect(Collectors.joining(" AND "));
            String values = IntStream.range(0, n)
                    .mapToObj(i -> "CASE WHEN NOT p." + alias("a", i) + " THEN p." + alias("c", i)
                            + " WHEN p." + alias("g", i) + " > 0 THEN p." + alias("p", i) + " ELSE CAST(t."
                            + quote(columns.get(i)) + " AS "
                            + staged.get(columns.get(i)) + ") END AS " + alias("c", i))
                    .collect(Collectors.joining(", "));
            update("CREATE TEMP TABLE _tributary_filled ON COMMIT DROP AS WITH v AS (" + v + "), g AS (" + g
                    + "), p AS (" + p
                    + ") SELECT p." + seq + ", " + values + " FROM p LEFT JOIN " + qualified(schema, root.target())
                    + " t ON "
                    + sameKey + " WHERE "
                    + IntStream.range(0, n).mapToObj(i -> "p." + alias("a", i)).collect(Collectors.joining(" OR ")));
            int filled = update("UPDATE " + stagingTable + " s SET "
                    + IntStream.range(0, n)
                            .mapToObj(i -> quote(columns.get(i)) + " = f." + alias("c", i))
                            .collect(Collectors.joining(", "))
                    + " FROM pg_temp._tributary_filled f WHERE s." + seq
                    + " = f." + seq);
            update("DROP TABLE pg_temp._tributary_filled");
            log.debug(
                    "{}.{}: {} change record(s) left unchanged values out; kept the values they had",
                    schema,
                    root.target(),
                    filled);
        }
        update("DROP TABLE pg_temp._tributary_absent");
    }

    private static String alias(String kind, int i) {
        return quote("_tributary_" + kind + i);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private boolean exists(String table) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT to_regclass(" + literal(qualified(schema, table)) + ") IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private int update(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
            return Math.max(s.getUpdateCount(), 0);
        }
    }
}
