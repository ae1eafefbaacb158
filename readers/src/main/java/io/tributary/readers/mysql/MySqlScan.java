package io.tributary.readers.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How the rows of one table or view are read in a resumable order, and where the read stands: the
 * reader runs the scan's one statement, the scan sees every row first ({@link #accept}) and keeps
 * its position, which the reader saves in the ExecutionContext at each chunk and restores on restart.
 */
interface MySqlScan {

    /** Rows the driver fetches per round trip: Connector/J streams the result instead of holding it. */
    int FETCH_SIZE = 2_000;

    /** Restores the position: from {@code context} after a restart, else from the previous sync, else the start. */
    void restore(ExecutionContext context, Map<String, Object> previousSync);

    /**
     * The statement to run, with its parameters bound, or {@code null} when it already ran.
     *
     * @param dataColumns the select list of the record's columns; the scan appends its own columns after them
     */
    PreparedStatement nextStatement(Connection connection, String dataColumns) throws SQLException;

    /** Tracks the row the result set stands on; {@code false} when the row was already emitted and is skipped. */
    boolean accept(ResultSet row) throws SQLException;

    /** Saves the position of the last accepted row. */
    void save(ExecutionContext context);

    /** A forward-only statement whose rows stream from the server {@value #FETCH_SIZE} at a time. */
    static PreparedStatement streaming(Connection connection, String sql, List<String> parameters) throws SQLException {
        PreparedStatement ps =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(FETCH_SIZE);
        for (int i = 0; i < parameters.size(); i++) {
            ps.setString(i + 1, parameters.get(i));
        }
        return ps;
    }

    /**
     * {@code (k1, ..., kn) > (v1, ..., vn)} written out as
     * {@code k1 > v1 OR (k1 = v1 AND k2 > v2) OR ...}: the same rows, but a form MariaDB turns into a
     * range on the index (it does not for a row comparison), so resuming a composite key seeks instead
     * of scanning from the start. Parameters are added to {@code parameters} in order.
     *
     * @param columns the columns as selected for comparison (quoted), in key order
     * @param casts each column's {@link MySqlType#castParameter()}
     */
    static String after(List<String> columns, List<String> casts, List<String> values, List<String> parameters) {
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sql.append(" OR ");
            }
            sql.append('(');
            for (int j = 0; j < i; j++) {
                sql.append(columns.get(j)).append(" = ").append(casts.get(j)).append(" AND ");
                parameters.add(values.get(j));
            }
            sql.append(columns.get(i)).append(" > ").append(casts.get(i)).append(')');
            parameters.add(values.get(i));
        }
        return sql.append(')').toString();
    }
}
