package io.tributary.readers.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Full refresh of a table with a primary key (or a unique key on NOT NULL columns): one statement
 * ordered by the key, streamed (InnoDB reads its clustered index in order, no sort); the position is
 * the last emitted key, and a restart continues with the rows after it, a seek on the key's index
 * however far the read got.
 */
final class MySqlKeyScan implements MySqlScan {

    private final MySqlTable table;
    private final List<MySqlColumn> keyColumns;
    private final int firstKeyIndex;
    private final String contextKey;
    private final String[] lastKey;
    private boolean started;
    private boolean resumed;

    MySqlKeyScan(MySqlTable table, int dataColumnCount, String streamKey) {
        this.table = table;
        this.keyColumns =
                table.rowKey().stream().map(k -> table.column(k).orElseThrow()).toList();
        this.firstKeyIndex = dataColumnCount + 1;
        this.contextKey = streamKey + ".full_refresh.last_key";
        this.lastKey = new String[keyColumns.size()];
    }

    @Override
    public void restore(ExecutionContext context, Map<String, Object> previousSync) {
        // a full refresh always starts over in a new sync: only this sync's own context counts
        if (context.containsKey(contextKey)) {
            MySqlPositions.parseKey(context.getString(contextKey)).toArray(lastKey);
            resumed = true;
        }
    }

    @Override
    public PreparedStatement nextStatement(Connection connection, String dataColumns) throws SQLException {
        if (started) {
            return null;
        }
        started = true;
        List<String> keys = keyColumns.stream().map(c -> "r." + c.quoted()).toList();
        String positions = keyColumns.stream()
                .map(c -> c.type().positionExpression("r." + c.quoted()))
                .collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(dataColumns)
                .append(", ")
                .append(positions)
                .append(" FROM ")
                .append(table.sqlName())
                .append(" AS r");
        List<String> parameters = new ArrayList<>();
        if (resumed) {
            sql.append(" WHERE ")
                    .append(MySqlScan.after(
                            keys,
                            keyColumns.stream()
                                    .map(c -> c.type().castParameter())
                                    .toList(),
                            Arrays.asList(lastKey),
                            parameters));
        }
        sql.append(" ORDER BY ").append(String.join(", ", keys));
        return MySqlScan.streaming(connection, sql.toString(), parameters);
    }

    @Override
    public boolean accept(ResultSet row) throws SQLException {
        for (int i = 0; i < lastKey.length; i++) {
            lastKey[i] = row.getString(firstKeyIndex + i);
        }
        resumed = true;
        return true;
    }

    @Override
    public void save(ExecutionContext context) {
        if (resumed) {
            context.putString(contextKey, MySqlPositions.keyText(Arrays.asList(lastKey)));
        }
    }
}
