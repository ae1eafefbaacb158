package io.tributary.readers.postgres;

import io.tributary.postgres.PostgresIdentifiers;
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
        this.keyColumns = relation.primaryKey().stream()
                .map(k -> relation.column(k).orElseThrow())
                .toList();
        this.firstKeyIndex = dataColumnCount + 1;
        this.fetchSize = fetchSize;
        this.contextKey = streamKey + ".full_refresh.last_key";
        this.lastKey = new String[keyColumns.size()];
    }

    @Override
    public void restore(ExecutionContext context, Map<String, Object> previousSync) {
        // a full refresh always starts over in a new sync: only this sync's own context counts
        if (context.containsKey(contextKey)) {
            List<String> key =
                    KeysetPosition.parse(context.getString(contextKey)).key();
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
        String keys = keyColumns.stream()
                .map(c -> "r." + PostgresIdentifiers.quote(c.name()))
                .collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(dataColumns)
                .append(", ")
                .append(keys)
                .append(" FROM ")
                .append(relation.sqlName())
                .append(" AS r");
        if (resumed) {
            sql.append(" WHERE (")
                    .append(keys)
                    .append(") > (")
                    .append(keyColumns.stream()
                            .map(c -> "CAST(? AS " + c.type().sqlName() + ")")
                            .collect(Collectors.joining(", ")))
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

    /**
     * The same read as one binary COPY ({@link BinaryCopyColumn}): the data columns, then the key
     * columns as text (the position), with the saved key inlined as literals, since COPY takes no
     * parameters.
     *
     * @param dataColumns the select list of the record's columns
     */
    String copyStatement(String dataColumns) {
        String keys = keyColumns.stream()
                .map(c -> "r." + PostgresIdentifiers.quote(c.name()))
                .collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("COPY (SELECT ")
                .append(dataColumns)
                .append(", ")
                .append(keyColumns.stream()
                        .map(c -> "r." + PostgresIdentifiers.quote(c.name()) + "::text")
                        .collect(Collectors.joining(", ")))
                .append(" FROM ")
                .append(relation.sqlName())
                .append(" AS r");
        if (resumed) {
            sql.append(" WHERE (").append(keys).append(") > (");
            for (int i = 0; i < keyColumns.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append("CAST(")
                        .append(escapedLiteral(lastKey[i]))
                        .append(" AS ")
                        .append(keyColumns.get(i).type().sqlName())
                        .append(")");
            }
            sql.append(")");
        }
        return sql.append(" ORDER BY ")
                .append(keys)
                .append(") TO STDOUT (FORMAT binary)")
                .toString();
    }

    /** The number of key columns a {@link #copyStatement} row ends with. */
    int keyColumnCount() {
        return keyColumns.size();
    }

    /** Tracks the row a COPY stands on by its key columns' text. */
    void acceptKey(String[] key) {
        System.arraycopy(key, 0, lastKey, 0, lastKey.length);
        resumed = true;
    }

    /** An escape string literal, right whatever the server's standard_conforming_strings. */
    private static String escapedLiteral(String text) {
        return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
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
