package io.tributary.readers.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Full refresh of a relation that has neither a primary key nor a ctid (views, partitioned and
 * foreign tables without a key): ordered by the text of the whole row, which is a total order up to
 * identical rows, and resumed by skipping the number of rows already emitted. Skipping n rows of
 * the same sorted multiset of rows leaves exactly the rest, so a restart is exact as long as the
 * relation's contents did not change in between. Each (re)start sorts the relation once.
 */
final class RowOrderScan implements TableScan {

    private final PostgresRelation relation;
    private final int fetchSize;
    private final String contextKey;
    private long rowsEmitted;
    private boolean started;

    RowOrderScan(PostgresRelation relation, int fetchSize, String streamKey) {
        this.relation = relation;
        this.fetchSize = fetchSize;
        this.contextKey = streamKey + ".full_refresh.rows_emitted";
    }

    @Override
    public void restore(ExecutionContext context, Map<String, Object> previousSync) {
        if (context.containsKey(contextKey)) {
            rowsEmitted = context.getLong(contextKey);
        }
    }

    @Override
    public PreparedStatement nextStatement(Connection connection, String dataColumns) throws SQLException {
        if (started) {
            return null;
        }
        started = true;
        PreparedStatement ps = TableScan.streaming(
                connection,
                "SELECT " + dataColumns + " FROM " + relation.sqlName() + " AS r ORDER BY ROW(r.*)::text OFFSET ?",
                fetchSize);
        ps.setLong(1, rowsEmitted);
        return ps;
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
