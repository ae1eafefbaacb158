package io.tributary.readers.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the system catalogs: which relations the user can read in some schemas, their columns with
 * types resolved through domains and arrays, and their primary keys. A few queries per call,
 * whatever the number of tables.
 */
final class PostgresIntrospection {

    private static final String RELATIONS = """
            SELECT c.oid, n.nspname, c.relname, c.relkind::text, a.attname, a.atttypid, a.atttypmod, a.attnotnull,
                   a.attndims, format_type(a.atttypid, a.atttypmod)
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             WHERE n.nspname = ANY (?)
               AND (CAST(? AS text) IS NULL OR c.relname = ?)
               AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
               AND NOT c.relispartition
               AND has_table_privilege(c.oid, 'SELECT')
             ORDER BY n.nspname, c.relname, a.attnum
            """;

    private static final String PRIMARY_KEYS = """
            SELECT i.indrelid, a.attname
              FROM pg_index i
              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE i.indisprimary AND i.indrelid = ANY (CAST(? AS oid[]))
             ORDER BY i.indrelid, k.ord
            """;

    private static final String TYPES = """
            SELECT t.oid, t.typname, t.typtype::text, t.typcategory::text, t.typelem, t.typbasetype, t.typtypmod,
                   t.typdelim::text, format_type(t.oid, NULL)
              FROM pg_type t WHERE t.oid = ANY (CAST(? AS oid[]))
            """;

    private static final String ENUM_LABELS =
            "SELECT enumtypid, enumlabel FROM pg_enum WHERE enumtypid = ANY (CAST(? AS oid[])) ORDER BY enumtypid, enumsortorder";

    private final Connection connection;
    private final Map<Long, TypeRow> types = new HashMap<>();
    private final Map<Long, List<String>> enumLabels = new HashMap<>();

    PostgresIntrospection(Connection connection) {
        this.connection = connection;
    }

    /** Every readable relation in {@code schemas}, ordered by schema and name. */
    List<PostgresRelation> relations(List<String> schemas) throws SQLException {
        return load(schemas, null);
    }

    /** One relation, or {@code null} when it does not exist or the user cannot read it. */
    PostgresRelation relation(String schema, String name) throws SQLException {
        List<PostgresRelation> found = load(List.of(schema), name);
        return found.isEmpty() ? null : found.get(0);
    }

    private record ColumnRow(String name, long typeOid, int typmod, boolean notNull, int dims, String sqlName) {}

    private record RelationRow(long oid, String schema, String name, char kind, List<ColumnRow> columns) {}

    private record TypeRow(
            long oid,
            String typname,
            char typtype,
            char category,
            long elem,
            long base,
            int typmod,
            char delim,
            String sqlName) {}

    private List<PostgresRelation> load(List<String> schemas, String onlyName) throws SQLException {
        Map<Long, RelationRow> relations = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(RELATIONS)) {
            ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            ps.setString(2, onlyName);
            ps.setString(3, onlyName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    RelationRow relation = relations.get(oid);
                    if (relation == null) {
                        relation = new RelationRow(
                                oid,
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4).charAt(0),
                                new ArrayList<>());
                        relations.put(oid, relation);
                    }
                    relation.columns()
                            .add(new ColumnRow(
                                    rs.getString(5),
                                    rs.getLong(6),
                                    rs.getInt(7),
                                    rs.getBoolean(8),
                                    rs.getInt(9),
                                    rs.getString(10)));
                }
            }
        }
        if (relations.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> keys = primaryKeys(relations.keySet());
        Set<Long> typeOids = new HashSet<>();
        relations.values().forEach(r -> r.columns().forEach(c -> typeOids.add(c.typeOid())));
        loadTypes(typeOids);
        List<PostgresRelation> result = new ArrayList<>();
        for (RelationRow r : relations.values()) {
            List<PostgresColumn> columns = new ArrayList<>();
            for (ColumnRow c : r.columns()) {
                columns.add(new PostgresColumn(
                        c.name(), resolve(c.typeOid(), c.typmod(), c.sqlName(), Math.max(1, c.dims())), c.notNull()));
            }
            result.add(new PostgresRelation(
                    r.schema(), r.name(), r.kind(), columns, keys.getOrDefault(r.oid(), List.of())));
        }
        return result;
    }

    private Map<Long, List<String>> primaryKeys(Set<Long> relationOids) throws SQLException {
        Map<Long, List<String>> keys = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(PRIMARY_KEYS)) {
            ps.setArray(1, oidArray(relationOids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return keys;
    }

    /** Loads the given types and, transitively, the base types of domains and element types of arrays. */
    private void loadTypes(Set<Long> oids) throws SQLException {
        Set<Long> pending = new HashSet<>(oids);
        pending.removeAll(types.keySet());
        Set<Long> enums = new HashSet<>();
        while (!pending.isEmpty()) {
            Set<Long> next = new HashSet<>();
            try (PreparedStatement ps = connection.prepareStatement(TYPES)) {
                ps.setArray(1, oidArray(pending));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        TypeRow t = new TypeRow(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3).charAt(0),
                                rs.getString(4).charAt(0),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getInt(7),
                                rs.getString(8).charAt(0),
                                rs.getString(9));
                        types.put(t.oid(), t);
                        if (t.typtype() == 'e') {
                            enums.add(t.oid());
                        }
                        if (t.base() != 0 && !types.containsKey(t.base())) {
                            next.add(t.base());
                        }
                        if (t.category() == 'A' && t.elem() != 0 && !types.containsKey(t.elem())) {
                            next.add(t.elem());
                        }
                    }
                }
            }
            pending = next;
        }
        if (!enums.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(ENUM_LABELS)) {
                ps.setArray(1, oidArray(enums));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        enumLabels
                                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(rs.getString(2));
                    }
                }
            }
        }
    }

    private PostgresType resolve(long oid, int typmod, String sqlName, int dims) {
        TypeRow t = types.get(oid);
        if (t == null) {
            return new PostgresType(sqlName, "unknown", PostgresTypeKind.OTHER, null, null, null, null, 1);
        }
        if (t.typtype() == 'd') {
            // a domain reads as its base type; its own typmod (e.g. numeric(10,2)) applies
            PostgresType base = resolve(t.base(), t.typmod() >= 0 ? t.typmod() : typmod, sqlName, dims);
            return new PostgresType(
                    sqlName,
                    base.baseName(),
                    base.kind(),
                    base.precision(),
                    base.scale(),
                    base.enumLabels(),
                    base.element(),
                    base.dimensions());
        }
        if (t.typtype() == 'e') {
            return new PostgresType(
                    sqlName, t.typname(), PostgresTypeKind.ENUM, null, null, enumLabels.get(oid), null, 1);
        }
        if (t.category() == 'A' && t.elem() != 0) {
            TypeRow elem = types.get(t.elem());
            PostgresType element = resolve(t.elem(), typmod, elem == null ? "unknown" : elem.sqlName(), 1);
            if (elem == null || elem.delim() != ',' || element.kind() == PostgresTypeKind.ARRAY) {
                // e.g. box[] separates elements with ';': kept as PostgreSQL's text
                return new PostgresType(sqlName, t.typname(), PostgresTypeKind.OTHER, null, null, null, null, 1);
            }
            return new PostgresType(sqlName, t.typname(), PostgresTypeKind.ARRAY, null, null, null, element, dims);
        }
        PostgresTypeKind kind = PostgresTypeKind.ofBaseType(t.typname());
        Integer precision = null;
        Integer scale = null;
        if (kind == PostgresTypeKind.NUMERIC && typmod >= 4) {
            int packed = typmod - 4;
            precision = (packed >> 16) & 0xffff;
            scale = ((packed & 0x7ff) ^ 1024) - 1024; // an 11-bit signed scale since PostgreSQL 15
        }
        return new PostgresType(sqlName, t.typname(), kind, precision, scale, null, null, 1);
    }

    private Array oidArray(Set<Long> oids) throws SQLException {
        return connection.createArrayOf("int8", oids.toArray());
    }
}
