package io.tributary.readers.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How the rows of one relation are read in a resumable order, and where the read stands. The reader
 * runs the statements a scan gives one after another (most scans need one; a ctid scan runs one per
 * page range); the scan sees every row first ({@link #accept}) and keeps its position, which the
 * reader saves in the ExecutionContext at each chunk and restores on restart.
 */
interface TableScan {

    /** Restores the position: from {@code context} after a restart, else from the previous sync, else the start. */
    void restore(ExecutionContext context, Map<String, Object> previousSync);

    /**
     * The next statement to run, with its parameters bound, or {@code null} when the scan is done.
     *
     * @param dataColumns the select list of the record's columns; the scan appends its own columns after them
     */
    PreparedStatement nextStatement(Connection connection, String dataColumns) throws SQLException;

    /** Tracks the row the result set stands on; {@code false} when the row was already emitted and is skipped. */
    boolean accept(ResultSet row) throws SQLException;

    /** Saves the position of the last accepted row. */
    void save(ExecutionContext context);

    /** Prepares a forward-only statement that streams with a server-side cursor of {@code fetchSize} rows. */
    static PreparedStatement streaming(Connection connection, String sql, int fetchSize) throws SQLException {
        PreparedStatement ps =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(fetchSize);
        return ps;
    }
}
