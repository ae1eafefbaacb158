package io.tributary.writers.parquet;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The independent reader of the Parquet files the tests write: an in-memory DuckDB over JDBC. */
public final class DuckDb {

    private DuckDb() {}

    /** Runs {@code sql} and returns every row as column label to value (JDBC's object for the type). */
    public static List<Map<String, Object>> query(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + e.getMessage() + " in: " + sql, e);
        }
    }

    /** A {@code read_parquet} source over the given files or glob. */
    public static String parquet(Path fileOrGlob) {
        return "read_parquet('" + fileOrGlob.toString().replace("'", "''") + "')";
    }

    /** Column name to DuckDB type name of a Parquet file or glob. */
    public static Map<String, String> columnTypes(Path fileOrGlob) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> row : query("DESCRIBE SELECT * FROM " + parquet(fileOrGlob))) {
            types.put((String) row.get("column_name"), (String) row.get("column_type"));
        }
        return types;
    }
}
