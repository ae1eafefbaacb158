package io.tributary.readers.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Full refresh of a view, or of a table with neither a primary key nor a unique key on NOT NULL
 * columns: ordered by every column in turn, a total order up to identical rows, and resumed by
 * skipping the rows already emitted ({@code LIMIT n, ...}). Skipping n rows of the same sorted rows
 * leaves exactly the rest, so a restart is exact as long as the table did not change in between.
 * Each (re)start sorts the table once; text and blob columns sort by their first
 * {@code max_sort_length} bytes, so rows alike in all of those may come in either order: give such
 * tables a key.
 */
final class MySqlRowOrderScan implements MySqlScan {

    /** MySQL's way of saying "no limit" after an offset. */
    private static final String ALL_ROWS = "18446744073709551615";

    private final MySqlTable table;
    private final int dataColumnCount;
    private final String contextKey;
    private long rowsEmitted;
    private boolean started;

    MySqlRowOrderScan(MySqlTable table, int dataColumnCount, String streamKey) {
        this.table = table;
        this.dataColumnCount = dataColumnCount;
        this.contextKey = streamKey + ".full_refresh.rows_emitted";
    }

    @Override
    public void restore(ExecutionContext context, Map<String, Object> previousSync) {
        if (context.containsKey(contextKey)) {
            rowsEmitted = context.getLong(contextKey);
        }
    }

    @Override
    public PreparedStatement nextStatement(Connection connection, String dataColumns) throws java.sql.SQLException {
        if (started) {
            return null;
        }
        started = true;
        String order = IntStream.rangeClosed(1, Math.max(1, dataColumnCount))
                .mapToObj(String::valueOf)
                .collect(Collectors.joining(", "));
        String sql = "SELECT " + dataColumns + " FROM " + table.sqlName() + " AS r ORDER BY " + order
                + (rowsEmitted > 0 ? " LIMIT " + rowsEmitted + ", " + ALL_ROWS : "");
        return MySqlScan.streaming(connection, sql, List.of());
    }

    @Override
    public boolean accept(ResultSet row) {
        rowsEmitted++;
        return true;
    }

    @Override
    public void save(ExecutionContext context) {
        context.putLong(contextKey, rowsEmitted);
    }
}
