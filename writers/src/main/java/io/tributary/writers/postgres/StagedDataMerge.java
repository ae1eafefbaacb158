package io.tributary.writers.postgres;

import static io.tributary.postgres.PostgresIdentifiers.qualified;
import static io.tributary.postgres.PostgresIdentifiers.quote;

import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.postgres.PostgresIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moves a sync's staged rows into the final tables, in the caller's transaction (so a sync's data
 * appears all at once, or not at all):
 * <ul>
 * <li>overwrite: each staging table replaces its final table (drop and rename: the old table stays
 *     readable until the commit). When views depend on the final table it is emptied and refilled
 *     instead, so they survive.
 * <li>append: staged rows are inserted (in the staging table's physical order, which is load order; no sort).
 * <li>append + dedup: the raw table is appended (it keeps the history); the final table keeps one
 *     row per key: among staged rows the greatest cursor wins, then the row loaded last; a staged
 *     row replaces an existing one unless the existing row's cursor is greater. Without a cursor
 *     column, the row loaded last wins. Rows whose key is NULL are never matched, so they accumulate.
 *     Child tables follow their parent rows: children of replaced rows are deleted (through the
 *     parent-hashid link) and the children of the winning rows inserted. When the winning version of
 *     a key is a deletion reported by CDC ({@code _ab_cdc_deleted_at} set), the key leaves the final
 *     table; the raw table keeps the deletion. CDC truncates and the fields a change record leaves out
 *     (unchanged values) are settled first ({@link CdcChangeMerge}).
 * </ul>
 *
 * <p>Columns come from the staging tables, so a plan stored by an earlier sync finishes correctly.
 * Schema evolution: a column the final table lacks is added ({@code ALTER TABLE ... ADD COLUMN}). A
 * column whose type changed keeps its existing type in append modes: staged values are cast to it,
 * and when a value does not convert the merge fails naming the column and both types (change the
 * column's type yourself, or run an overwrite sync, which recreates the table with the new types).
 */
final class StagedDataMerge {

    /** The field CDC sources set on a record that reports a deleted row (Airbyte's name). */
    static final String CDC_DELETED_AT = "_ab_cdc_deleted_at";

    private final Connection connection;
    private final String schema;

    StagedDataMerge(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /** Finishes a completed sync. */
    void complete(LoadPlan plan) throws SQLException {
        List<LoadPlan.StagedTable> all = new ArrayList<>();
        all.add(plan.raw());
        all.addAll(plan.tables());
        switch (plan.mode()) {
            case OVERWRITE -> {
                for (LoadPlan.StagedTable t : all) {
                    swap(t);
                }
            }
            case APPEND -> {
                for (LoadPlan.StagedTable t : all) {
                    append(t, "");
                    drop(t.staging());
                }
            }
            case APPEND_DEDUP -> dedup(plan);
        }
    }

    /**
     * Settles the staged data of a sync that stopped and was never restarted, when a newer sync of
     * the stream begins. An incremental append sync's committed chunks were delivered as far as the
     * source's cursor is concerned (the next sync continues after them), so they are merged; a full
     * refresh or overwrite starts over, so its partial data is dropped. Its last chunk may have been
     * committed here but not in the job repository when the sync was killed; merging it then can
     * repeat that one chunk, whereas dropping it could lose it.
     */
    void settleAbandoned(LoadPlan plan) throws SQLException {
        if (plan.syncMode() == SyncMode.INCREMENTAL && plan.mode() != DestinationSyncMode.OVERWRITE) {
            List<LoadPlan.StagedTable> all = new ArrayList<>();
            all.add(plan.raw());
            all.addAll(plan.tables());
            if (all.stream().allMatch(t -> exists(t.staging()))) {
                complete(plan);
                return;
            }
        }
        dropStaging(plan);
    }

    void dropStaging(LoadPlan plan) throws SQLException {
        drop(plan.raw().staging());
        for (LoadPlan.StagedTable t : plan.tables()) {
            drop(t.staging());
        }
    }

    private void swap(LoadPlan.StagedTable t) throws SQLException {
        if (exists(t.target()) && hasDependentViews(t.target())) {
            execute("TRUNCATE " + qualified(schema, t.target()));
            append(t, "");
            drop(t.staging());
            return;
        }
        execute("DROP TABLE IF EXISTS " + qualified(schema, t.target()));
        execute("ALTER TABLE " + qualified(schema, t.staging()) + " DROP COLUMN " + quote(LoadPlan.SEQUENCE_COLUMN));
        execute("ALTER TABLE " + qualified(schema, t.staging()) + " RENAME TO " + quote(t.target()));
    }

    /** Inserts the staged rows (those matching {@code where}, written against alias {@code s}). */
    private void append(LoadPlan.StagedTable t, String where) throws SQLException {
        append(qualified(schema, t.staging()), t, where);
    }

    /** Inserts rows of {@code source} (a relation with the staging table's columns) into {@code t}'s final table. */
    private void append(String source, LoadPlan.StagedTable t, String where) throws SQLException {
        Map<String, String> staged = dataColumns(t.staging());
        Map<String, String> target = ensureTarget(t.target(), staged);
        List<String> names = new ArrayList<>(staged.keySet());
        String insert = "INSERT INTO " + qualified(schema, t.target()) + " ("
                + names.stream().map(PostgresIdentifiers::quote).collect(Collectors.joining(", ")) + ") SELECT "
                + names.stream().map(n -> converted("s", n, staged, target)).collect(Collectors.joining(", "))
                + " FROM " + source + " s " + where;
        try (Statement s = connection.createStatement()) {
            s.execute(insert);
        } catch (SQLException e) {
            throw withTypeChanges(e, t.target(), staged, target);
        }
    }

    private void dedup(LoadPlan plan) throws SQLException {
        // The merge probes the key and parent-link indexes a few times per staged row, on pages that the load has just
        // touched or that a synced table keeps hot. At the spinning-disk default random_page_cost (4) the planner
        // prices
        // 10,000 probes above a sequential scan, and deleting the children of 10,000 changed parents from 2,000,000
        // child
        // rows took 750 ms by hash join against 300 ms by index (benchmark, 1% changed). Lowered for this transaction
        // only,
        // never raised; a large change set still gets its hash join.
        execute(
                "SELECT set_config('random_page_cost', least(current_setting('random_page_cost')::float8, 1.1)::text, true)");
        append(plan.raw(), "");
        LoadPlan.StagedTable root = plan.root();
        Map<String, String> staged = dataColumns(root.staging());
        boolean rootExisted = exists(root.target());
        Map<String, String> target = ensureTarget(root.target(), staged);
        execute("CREATE INDEX IF NOT EXISTS " + quote(PostgresIdentifiers.fit(root.target() + "_tributary_key"))
                + " ON " + qualified(schema, root.target()) + " (" + columnList(root.key()) + ")");
        new CdcChangeMerge(connection, schema, plan, staged, target)
                .apply(); // truncates and left-out (unchanged) values
        drop(plan.raw().staging());
        String seq = quote(LoadPlan.SEQUENCE_COLUMN);
        String cursor = root.cursor() == null || !staged.containsKey(root.cursor()) ? null : quote(root.cursor());
        execute("CREATE TEMP TABLE _tributary_latest ON COMMIT DROP AS SELECT DISTINCT ON (" + columnList(root.key())
                + ") * FROM " + qualified(schema, root.staging()) + " ORDER BY " + columnList(root.key())
                + (cursor == null ? "" : ", " + cursor + " DESC NULLS LAST") + ", " + seq + " DESC");
        // Temporary tables have no statistics until analyzed; without them the planner takes the few thousand changed
        // keys
        // of an incremental sync for any number and scans whole indexes (merge joins) instead of probing them.
        execute("ANALYZE pg_temp._tributary_latest");
        String sameKey = root.key().stream()
                .map(k -> "t." + quote(k) + " = " + converted("s", k, staged, target))
                .collect(Collectors.joining(" AND "));
        String newWins = cursor == null
                ? "TRUE"
                : "(t." + cursor + " IS NULL OR (s." + cursor + " IS NOT NULL AND "
                        + converted("s", root.cursor(), staged, target) + " >= t." + cursor + "))";
        boolean cascade = plan.tables().size() > 1 && root.hashId() != null && target.containsKey(root.hashId());
        String delete = "DELETE FROM " + qualified(schema, root.target())
                + " t USING pg_temp._tributary_latest s WHERE " + sameKey + " AND " + newWins;
        try {
            if (cascade) {
                execute("CREATE TEMP TABLE _tributary_gone_0 (h text) ON COMMIT DROP");
                execute("WITH gone AS (" + delete + " RETURNING t." + quote(root.hashId())
                        + ") INSERT INTO pg_temp._tributary_gone_0 SELECT * FROM gone");
                execute("ANALYZE pg_temp._tributary_gone_0");
            } else {
                execute(delete);
            }
            // a key whose latest version is a deletion reported by CDC leaves the final table (it stays in the raw
            // table)
            String alive = staged.containsKey(CDC_DELETED_AT) ? " AND s." + quote(CDC_DELETED_AT) + " IS NULL" : "";
            execute(
                    "CREATE TEMP TABLE _tributary_winners ON COMMIT DROP AS SELECT s.* FROM pg_temp._tributary_latest s WHERE NOT EXISTS"
                            + " (SELECT 1 FROM " + qualified(schema, root.target()) + " t WHERE " + sameKey + ")"
                            + alive);
            // so that joining child rows to the winners is planned as a semi-join on their (distinct) sequence numbers
            // rather than after a hash aggregate (see dedupChildren)
            execute("ANALYZE pg_temp._tributary_winners");
        } catch (SQLException e) {
            throw withTypeChanges(e, root.target(), staged, target);
        }
        append("pg_temp._tributary_winners", root, "");
        if (!rootExisted) {
            analyze(root.target()); // a first load: the next sync's merge probes the key index only if the planner
            // knows the rows
        }
        // When every staged record wins (a first sync, or no key loaded twice and none superseded), all staged child
        // rows
        // belong to winners and go in without a join.
        boolean allWin = count(qualified(schema, root.staging())) == count("pg_temp._tributary_winners");
        drop(root.staging());
        dedupChildren(plan, cascade, allWin);
    }

    private void analyze(String table) throws SQLException {
        execute("ANALYZE " + qualified(schema, table));
    }

    private long count(String relation) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + relation)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Children of replaced parent rows go; children of the winning records come in. */
    private void dedupChildren(LoadPlan plan, boolean cascade, boolean allWin) throws SQLException {
        Map<String, Integer> goneTableOf = new HashMap<>();
        goneTableOf.put(plan.root().target(), 0);
        for (int i = 1; i < plan.tables().size(); i++) {
            LoadPlan.StagedTable child = plan.tables().get(i);
            Map<String, String> staged = dataColumns(child.staging());
            boolean existed = exists(child.target());
            Map<String, String> target = ensureTarget(child.target(), staged);
            Integer parentGone = goneTableOf.get(child.parent());
            boolean linked = cascade && child.parentLink() != null && target.containsKey(child.parentLink());
            String parentIndex = !linked
                    ? null
                    : "CREATE INDEX IF NOT EXISTS "
                            + quote(PostgresIdentifiers.fit(child.target() + "_tributary_parent")) + " ON "
                            + qualified(schema, child.target())
                            + " (" + quote(child.parentLink()) + ")";
            if (linked && parentGone != null && existed) {
                execute(parentIndex);
                String delete = "DELETE FROM " + qualified(schema, child.target()) + " t USING pg_temp._tributary_gone_"
                        + parentGone + " g WHERE t." + quote(child.parentLink()) + " = g.h";
                if (child.hashId() != null && target.containsKey(child.hashId())) {
                    execute("CREATE TEMP TABLE _tributary_gone_" + i + " (h text) ON COMMIT DROP");
                    execute("WITH gone AS (" + delete + " RETURNING t." + quote(child.hashId())
                            + ") INSERT INTO pg_temp._tributary_gone_" + i + " SELECT * FROM gone");
                    execute("ANALYZE pg_temp._tributary_gone_" + i);
                    goneTableOf.put(child.target(), i);
                } else {
                    execute(delete);
                }
            }
            // A semi-join: a hash aggregate that de-duplicates the winners first (as planned for IN, or for EXISTS
            // without
            // statistics) suffers from PostgreSQL hashing a bigint by folding its halves: chunk << 32 | index sequence
            // numbers share a few thousand hash values, and the aggregate spills into six-figure batch counts (70 s for
            // 200,000 winners, against 0.2 s for the semi-join).
            append(
                    child,
                    allWin
                            ? ""
                            : "WHERE EXISTS (SELECT 1 FROM pg_temp._tributary_winners w WHERE w."
                                    + quote(LoadPlan.SEQUENCE_COLUMN) + " = s." + quote(LoadPlan.SEQUENCE_COLUMN)
                                    + ")");
            if (linked && !existed) {
                execute(parentIndex); // built once over the loaded rows, for the next sync's cascade
            }
            if (!existed) {
                analyze(child.target());
            }
            drop(child.staging());
        }
    }

    /** The staged table's columns and their types, without the load-order column. */
    private Map<String, String> dataColumns(String table) throws SQLException {
        Map<String, String> columns = columns(table);
        columns.remove(LoadPlan.SEQUENCE_COLUMN);
        return columns;
    }

    /** Creates the final table like the staged one, or adds the columns it lacks; returns its columns. */
    private Map<String, String> ensureTarget(String table, Map<String, String> staged) throws SQLException {
        Map<String, String> existing = columns(table);
        if (existing.isEmpty()) {
            execute("CREATE TABLE " + qualified(schema, table) + " ("
                    + staged.entrySet().stream()
                            .map(e -> quote(e.getKey()) + " " + e.getValue())
                            .collect(Collectors.joining(", "))
                    + ")");
            return new LinkedHashMap<>(staged);
        }
        for (Map.Entry<String, String> column : staged.entrySet()) {
            if (!existing.containsKey(column.getKey())) {
                execute("ALTER TABLE " + qualified(schema, table) + " ADD COLUMN " + quote(column.getKey()) + " "
                        + column.getValue());
                existing.put(column.getKey(), column.getValue());
            }
        }
        return existing;
    }

    /** {@code alias.column}, cast to the final column's type when the staged type differs. */
    static String converted(String alias, String column, Map<String, String> staged, Map<String, String> target) {
        String expression = alias + "." + quote(column);
        String want = target.get(column);
        return want == null || want.equals(staged.get(column))
                ? expression
                : "CAST(" + expression + " AS " + want + ")";
    }

    private SQLException withTypeChanges(
            SQLException e, String table, Map<String, String> staged, Map<String, String> target) {
        List<String> changed = new ArrayList<>();
        staged.forEach((column, type) -> {
            String existing = target.get(column);
            if (existing != null && !existing.equals(type)) {
                changed.add(
                        column + " is " + existing + " in " + schema + "." + table + " but " + type + " in the stream");
            }
        });
        if (changed.isEmpty()) {
            return e;
        }
        SQLException explained = new SQLException(
                "Cannot merge into " + schema + "." + table + ": " + String.join("; ", changed)
                        + ", and the values do not convert (" + e.getMessage()
                        + "); change the column's type (ALTER TABLE ... "
                        + "ALTER COLUMN ... TYPE ...) or run the stream with destination_sync_mode overwrite once",
                e.getSQLState());
        explained.addSuppressed(e);
        return explained;
    }

    private Map<String, String> columns(String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod)"
                        + " FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setString(1, qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return columns;
    }

    boolean exists(String table) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up " + schema + "." + table + ": " + e.getMessage(), e);
        }
    }

    private boolean hasDependentViews(String table) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_rewrite r"
                        + " ON r.oid = d.objid WHERE d.refobjid = to_regclass(?) AND r.ev_class <> d.refobjid)")) {
            ps.setString(1, qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void drop(String table) throws SQLException {
        execute("DROP TABLE IF EXISTS " + qualified(schema, table));
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(PostgresIdentifiers::quote).collect(Collectors.joining(", "));
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
