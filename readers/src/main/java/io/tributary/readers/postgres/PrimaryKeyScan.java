package io.tributary.readers.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tributary.postgres.PostgresIdentifiers;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Full refresh of a table with a primary key: one statement ordered by the key, streamed; the
 * position is the last emitted key, and a restart continues with {@code WHERE (key) > (last)}
 * (a keyset seek on the primary key index, so resuming costs nothing however far the read got).
 */
final class PrimaryKeyScan implements TableScan {

    private final PostgresRelation relation;
    private final List<PostgresColumn> keyColumns;
    private final int firstKeyIndex;
    private final int fetchSize;
    private final String contextKey;
    private final String[] lastKey;
    private boolean started;
    private boolean resumed;

    PrimaryKeyScan(PostgresRelation relation, int dataColumnCount, int fetchSize, String streamKey) {
        this.relation = relation;
        this.keyColumns = relation.primaryKey().stream().map(k -> relation.column(k).orElseThrow()).toList();
        this.firstKeyIndex = dataColumnCount + 1;
        this.fetchSize = fetchSize;
        this.contextKey = streamKey + ".full_refresh.last_key";
        this.lastKey = new String[keyColumns.size()];
    }

    @Override
    public void restore(ExecutionContext context, Map<String, Object> previousSync) {
        // a full refresh always starts over in a new sync: only this sync's own context counts
        if (context.containsKey(contextKey)) {
            List<String> key = KeysetPosition.parse(context.getString(contextKey)).key();
            key.toArray(lastKey);
            resumed = true;
        }
    }

    @Override
    public PreparedStatement nextStatement(Connection connection, String dataColumns) throws SQLException {
        if (started) {
            return null;
        }
        started = true;
        String keys = keyColumns.stream().map(c -> "r." + PostgresIdentifiers.quote(c.name())).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("SELECT ").append(dataColumns).append(", ").append(keys)
                .append(" FROM ").append(relation.sqlName()).append(" AS r");
        if (resumed) {
            sql.append(" WHERE (").append(keys).append(") > (")
                    .append(keyColumns.stream().map(c -> "CAST(? AS " + c.type().sqlName() + ")").collect(Collectors.joining(", ")))
                    .append(")");
        }
        sql.append(" ORDER BY ").append(keys);
        PreparedStatement ps = TableScan.streaming(connection, sql.toString(), fetchSize);
        if (resumed) {
            for (int i = 0; i < lastKey.length; i++) {
                ps.setString(i + 1, lastKey[i]);
            }
        }
        return ps;
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
            context.putString(contextKey, new KeysetPosition(new ArrayList<>(Arrays.asList(lastKey))).asString());
        }
    }
}
