package io.tributary.readers.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code information_schema}: the tables and views of one database with their columns, types
 * and keys, a few queries whatever the number of tables. {@code information_schema} lists what the
 * user has any privilege on; whether the user may SELECT is asked of the server itself
 * ({@link #readable}), which honours global, database, table and role grants alike.
 */
final class MySqlIntrospection {

    private static final String TABLES = """
            SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES
             WHERE TABLE_SCHEMA = ? AND (? IS NULL OR TABLE_NAME = ?) AND TABLE_TYPE IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED')
             ORDER BY TABLE_NAME
            """;

    private static final String COLUMNS = """
            SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, NUMERIC_PRECISION, NUMERIC_SCALE
              FROM information_schema.COLUMNS
             WHERE TABLE_SCHEMA = ? AND (? IS NULL OR TABLE_NAME = ?)
             ORDER BY TABLE_NAME, ORDINAL_POSITION
            """;

    private static final String KEYS = """
            SELECT s.TABLE_NAME, s.INDEX_NAME, s.COLUMN_NAME, c.IS_NULLABLE
              FROM information_schema.STATISTICS s
              LEFT JOIN information_schema.COLUMNS c
                ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME
             WHERE s.TABLE_SCHEMA = ? AND (? IS NULL OR s.TABLE_NAME = ?) AND s.NON_UNIQUE = 0
             ORDER BY s.TABLE_NAME, s.INDEX_NAME = 'PRIMARY' DESC, s.INDEX_NAME, s.SEQ_IN_INDEX
            """;

    /** MariaDB's json type is longtext with this check, which it names after the column. */
    private static final String MARIADB_JSON_CHECKS = """
            SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS
             WHERE CONSTRAINT_SCHEMA = ? AND (? IS NULL OR TABLE_NAME = ?) AND CHECK_CLAUSE LIKE 'json_valid(%'
            """;

    private static final Pattern JSON_VALID = Pattern.compile("json_valid\\(`((?:[^`]|``)+)`\\)");

    private final Connection connection;

    MySqlIntrospection(Connection connection) {
        this.connection = connection;
    }

    /** Every table and view of {@code database}, ordered by name (readable or not: see {@link #readable}). */
    List<MySqlTable> tables(String database) throws SQLException {
        return load(database, null);
    }

    /** One table or view, or {@code null} when it does not exist or the user has no privilege on it. */
    MySqlTable table(String database, String name) throws SQLException {
        List<MySqlTable> found = load(database, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Whether the user may SELECT every column of the table: asked of the server with a query that reads no row. */
    boolean readable(MySqlTable table) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeQuery("SELECT 1 FROM " + table.sqlName() + " LIMIT 0").close();
            return true;
        } catch (SQLException e) {
            // 1142: SELECT command denied; 1143: column denied; 1356: a view whose definer lost its rights
            if (e.getErrorCode() == 1142 || e.getErrorCode() == 1143 || e.getErrorCode() == 1356) {
                return false;
            }
            throw e;
        }
    }

    private record KeyPart(String index, String column, boolean nullable) {}

    private List<MySqlTable> load(String database, String onlyName) throws SQLException {
        Map<String, Boolean> views = new LinkedHashMap<>();
        try (ResultSet rs = query(TABLES, database, onlyName)) {
            while (rs.next()) {
                views.put(rs.getString(1), "VIEW".equals(rs.getString(2)));
            }
        }
        if (views.isEmpty()) {
            return List.of();
        }
        Set<String> jsonColumns = jsonColumns(database, onlyName);
        Map<String, List<MySqlColumn>> columns = new HashMap<>();
        try (ResultSet rs = query(COLUMNS, database, onlyName)) {
            while (rs.next()) {
                String table = rs.getString(1);
                String column = rs.getString(2);
                MySqlType type = MySqlType.of(
                        rs.getString(3),
                        rs.getString(4),
                        nullableLong(rs, 6),
                        nullableLong(rs, 7),
                        jsonColumns.contains(table + "\u0000" + column));
                columns.computeIfAbsent(table, t -> new ArrayList<>())
                        .add(new MySqlColumn(column, type, "YES".equals(rs.getString(5))));
            }
        }
        Map<String, Map<String, List<KeyPart>>> keys = new HashMap<>();
        try (ResultSet rs = query(KEYS, database, onlyName)) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), i -> new ArrayList<>())
                        .add(new KeyPart(rs.getString(2), rs.getString(3), "YES".equals(rs.getString(4))));
            }
        }
        List<MySqlTable> tables = new ArrayList<>();
        for (Map.Entry<String, Boolean> t : views.entrySet()) {
            List<MySqlColumn> cols = columns.getOrDefault(t.getKey(), List.of());
            if (cols.isEmpty()) {
                continue; // no column the user may see
            }
            List<String> primary = List.of();
            List<String> unique = List.of();
            for (Map.Entry<String, List<KeyPart>> index :
                    keys.getOrDefault(t.getKey(), Map.of()).entrySet()) {
                if (index.getValue().stream().anyMatch(p -> p.column() == null)) {
                    continue; // a functional index part (MySQL 8) is no column to order or seek by
                }
                List<String> names =
                        index.getValue().stream().map(KeyPart::column).toList();
                if (index.getKey().equals("PRIMARY")) {
                    primary = names;
                } else if (unique.isEmpty() && index.getValue().stream().noneMatch(KeyPart::nullable)) {
                    unique = names;
                }
            }
            tables.add(new MySqlTable(
                    database, t.getKey(), t.getValue(), cols, primary, primary.isEmpty() ? unique : List.of()));
        }
        return tables;
    }

    private Set<String> jsonColumns(String database, String onlyName) throws SQLException {
        Set<String> json = new HashSet<>();
        try (ResultSet rs = query(MARIADB_JSON_CHECKS, database, onlyName)) {
            while (rs.next()) {
                Matcher m = JSON_VALID.matcher(rs.getString(2));
                if (m.lookingAt()) {
                    json.add(rs.getString(1) + "\u0000" + m.group(1).replace("``", "`"));
                }
            }
        } catch (SQLException e) {
            // MySQL 8 has CHECK_CONSTRAINTS without TABLE_NAME (and a json type of its own); older servers have none
            if (e.getErrorCode() != 1054 && e.getErrorCode() != 1109) {
                throw e;
            }
        }
        return json;
    }

    private ResultSet query(String sql, String database, String onlyName) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        ps.setString(1, database);
        ps.setString(2, onlyName);
        ps.setString(3, onlyName);
        ps.closeOnCompletion();
        return ps.executeQuery();
    }

    private static Long nullableLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }
}
