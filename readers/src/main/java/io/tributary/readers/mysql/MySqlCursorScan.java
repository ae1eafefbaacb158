package io.tributary.readers.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Incremental read by a cursor column {@code c}, with the PostgreSQL source's exact handling of
 * rows that share the last value: rows ordered by {@code (c, k)} where {@code k} identifies a row
 * (the primary key; else a unique key on NOT NULL columns; else, for views and tables without a
 * key, every column).
 *
 * <p>The position is {@code L}, the greatest cursor value emitted, plus {@code T}, the keys of the
 * rows emitted with {@code c = L}. The next read selects {@code c >= L} and skips a row with
 * {@code c = L} exactly when its key is in {@code T}: rows with {@code c > L} were never emitted;
 * emitted rows at {@code L} are skipped, so never repeated; rows that reached {@code L} after the
 * previous read (a concurrent insert, an update to the same value) are not in {@code T}, so not lost.
 * The same rule restarts a crashed read in the middle of a run of equal values. {@code T} counts
 * each row, so two identical rows of a table without key are two entries.
 *
 * <p>State stays bounded: past {@value #MAX_TIES} rows (or {@value #MAX_TIE_CHARS} characters of
 * keys) at one value, {@code T} is dropped and the read resumes strictly after {@code (L, lastKey)}:
 * still no repeats, and a late row at {@code L} is lost only if its key sorts below the last key read.
 * Rows whose cursor is NULL are not read incrementally (as in Airbyte). What no cursor can see: a row
 * committed late with a cursor value below {@code L} (a long transaction that set it early).
 */
final class MySqlCursorScan implements MySqlScan {

    static final int MAX_TIES = 1_000;
    static final int MAX_TIE_CHARS = 100_000;

    private final MySqlTable table;
    private final MySqlColumn cursor;
    private final List<MySqlColumn> keyColumns;
    private final int cursorIndex;
    private final String contextKey;

    private String value;
    /** The keys emitted at {@code value}, with how many rows had each. */
    private final Map<List<String>, Integer> ties = new HashMap<>();
    /** After a restore: the keys at {@code value} the previous read emitted, still to be skipped. */
    private final Map<List<String>, Integer> toSkip = new HashMap<>();

    private int tieCount;
    private int tieChars;
    private boolean tiesComplete = true;
    private List<String> lastKey = List.of();
    private boolean started;

    MySqlCursorScan(MySqlTable table, MySqlColumn cursor, List<MySqlColumn> dataColumns, String streamKey) {
        this.table = table;
        this.cursor = cursor;
        this.cursorIndex = dataColumns.size() + 1;
        this.contextKey = streamKey + ".incremental.cursor";
        this.keyColumns = table.rowKey().isEmpty()
                ? dataColumns
                : table.rowKey().stream()
                        .map(k -> table.column(k).orElseThrow())
                        .toList();
    }

    @Override
    public void restore(ExecutionContext context, Map<String, Object> previousSync) {
        Object saved = context.containsKey(contextKey) ? context.get(contextKey) : previousSync.get(contextKey);
        if (saved == null) {
            return;
        }
        MySqlPositions.Cursor position = MySqlPositions.Cursor.parse(saved.toString());
        if (!position.column().equals(cursor.name())) {
            // the user chose another cursor column: the old value says nothing about this one
            return;
        }
        value = position.value();
        for (List<String> key : position.ties()) {
            ties.merge(key, 1, Integer::sum);
            toSkip.merge(key, 1, Integer::sum);
            tieCount++;
            tieChars += chars(key);
        }
        tiesComplete = position.tiesComplete();
        lastKey = position.lastKey();
    }

    @Override
    public PreparedStatement nextStatement(Connection connection, String dataColumns) throws SQLException {
        if (started) {
            return null;
        }
        started = true;
        String c = "r." + cursor.quoted();
        List<String> keys = keyColumns.stream().map(k -> "r." + k.quoted()).toList();
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(dataColumns)
                .append(", ")
                .append(cursor.type().positionExpression(c));
        for (MySqlColumn k : keyColumns) {
            sql.append(", ").append(k.type().positionExpression("r." + k.quoted()));
        }
        sql.append(" FROM ")
                .append(table.sqlName())
                .append(" AS r WHERE ")
                .append(c)
                .append(" IS NOT NULL");
        List<String> parameters = new ArrayList<>();
        if (value != null && tiesComplete) {
            sql.append(" AND ").append(c).append(" >= ").append(cursor.type().castParameter());
            parameters.add(value);
        } else if (value != null) {
            List<String> columns = new ArrayList<>();
            List<String> casts = new ArrayList<>();
            List<String> values = new ArrayList<>();
            columns.add(c);
            casts.add(cursor.type().castParameter());
            values.add(value);
            for (int i = 0; i < keyColumns.size(); i++) {
                columns.add(keys.get(i));
                casts.add(keyColumns.get(i).type().castParameter());
                values.add(lastKey.get(i));
            }
            sql.append(" AND ").append(MySqlScan.after(columns, casts, values, parameters));
        }
        sql.append(" ORDER BY ").append(c).append(", ").append(String.join(", ", keys));
        return MySqlScan.streaming(connection, sql.toString(), parameters);
    }

    @Override
    public boolean accept(ResultSet row) throws SQLException {
        String c = row.getString(cursorIndex);
        String[] k = new String[keyColumns.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = row.getString(cursorIndex + 1 + i);
        }
        List<String> key = Arrays.asList(k);
        if (value != null && cursor.type().sameValue(c, value)) {
            Integer skip = toSkip.get(key);
            if (tiesComplete && skip != null) {
                if (skip == 1) {
                    toSkip.remove(key);
                } else {
                    toSkip.put(key, skip - 1);
                }
                return false;
            }
            if (tiesComplete) {
                ties.merge(key, 1, Integer::sum);
                tieCount++;
                tieChars += chars(key);
                if (tieCount > MAX_TIES || tieChars > MAX_TIE_CHARS) {
                    tiesComplete = false;
                    ties.clear();
                    tieCount = 0;
                    tieChars = 0;
                }
            }
        } else {
            value = c;
            ties.clear();
            toSkip.clear();
            ties.put(key, 1);
            tieCount = 1;
            tieChars = chars(key);
            tiesComplete = true;
        }
        lastKey = key;
        return true;
    }

    private static int chars(List<String> key) {
        int n = 0;
        for (String part : key) {
            n += part == null ? 4 : part.length();
        }
        return n;
    }

    @Override
    public void save(ExecutionContext context) {
        List<List<String>> emitted = new ArrayList<>();
        ties.forEach((key, count) -> {
            for (int i = 0; i < count; i++) {
                emitted.add(key);
            }
        });
        context.putString(
                contextKey, new MySqlPositions.Cursor(cursor.name(), value, emitted, tiesComplete, lastKey).asString());
    }
}
