package io.tributary.readers.postgres.cdc;

import io.tributary.postgres.PostgresIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What logical replication can capture of a relation: its kind and its {@code REPLICA IDENTITY},
 * which decides what updates and deletes carry.
 *
 * @param kind {@code pg_class.relkind}; only plain tables ({@code r}) are captured
 * @param replicaIdentity {@code d} default (the primary key), {@code f} full, {@code i} an index, {@code n} nothing
 */
record TableIdentity(String schema, String name, long oid, char kind, char replicaIdentity) {

    private static final String BY_SCHEMAS = """
            SELECT n.nspname, c.relname, c.oid, c.relkind::text, c.relreplident::text
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
            """;

    /** The relations of some schemas by {@code schema.name}. */
    static Map<String, TableIdentity> inSchemas(Connection c, List<String> schemas) throws SQLException {
        Map<String, TableIdentity> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(BY_SCHEMAS)) {
            ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableIdentity t = new TableIdentity(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(4).charAt(0),
                            rs.getString(5).charAt(0));
                    out.put(t.schema() + "." + t.name(), t);
                }
            }
        }
        return out;
    }

    static TableIdentity of(Connection c, String schema, String name) throws SQLException {
        return inSchemas(c, List.of(schema)).get(schema + "." + name);
    }

    String sqlName() {
        return PostgresIdentifiers.qualified(schema, name);
    }

    /**
     * Why change capture cannot follow this relation, or {@code null} when it can. A table without a
     * usable replica identity must stay out of publications: PostgreSQL would then reject every
     * UPDATE and DELETE on it.
     */
    String whyNotCapturable(boolean hasPrimaryKey) {
        if (kind != 'r') {
            String what = switch (kind) {
                case 'p' -> "a partitioned table (capture its partitions, or sync it with full_refresh)";
                case 'v' -> "a view";
                case 'm' -> "a materialized view";
                default -> "a foreign table";
            };
            return schema + "." + name + " is " + what
                    + ": logical replication captures plain tables only; sync it with full_refresh";
        }
        if (replicaIdentity == 'n' || (replicaIdentity == 'd' && !hasPrimaryKey)) {
            return schema + "." + name + " has "
                    + (replicaIdentity == 'n' ? "REPLICA IDENTITY NOTHING" : "no primary key")
                    + ", so its updates and deletes cannot be captured (once published, PostgreSQL would reject UPDATE and "
                    + "DELETE on it). Run ALTER TABLE " + sqlName()
                    + " REPLICA IDENTITY FULL, or add a primary key; until "
                    + "then sync it with full_refresh";
        }
        return null;
    }

    /** What updates and deletes of this table carry, for {@code check}. */
    String describeChanges(boolean hasPrimaryKey) {
        return switch (replicaIdentity) {
            case 'f' ->
                schema + "." + name + ": REPLICA IDENTITY FULL, deletes carry the whole old row"
                        + (hasPrimaryKey ? "" : " (no primary key: use append, not append_dedup)");
            case 'i' ->
                schema + "." + name + ": REPLICA IDENTITY USING INDEX, deletes carry that index's columns"
                        + (hasPrimaryKey
                                ? " (append_dedup matches them on the primary key: keep the two the same)"
                                : "");
            default -> schema + "." + name + ": deletes carry the primary key only";
        };
    }
}
