package io.tributary.readers.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Full refresh of a table without a primary key, in physical order: one statement per range of
 * {@value #PAGES_PER_RANGE} heap pages (8 MB) ({@code ctid >= '(p,0)' AND ctid < '(p+n,0)'}, a TID range
 * scan), sorted by ctid within the range so the sort stays small. The position is the ctid of the
 * last emitted row; a restart continues in that row's range after it.
 *
 * <p>Within one run every range is read in the same snapshot, so ctids are stable. Across a
 * restart they are stable unless rows were updated or the table rewritten (VACUUM FULL, CLUSTER)
 * in between: an updated row moves to a new ctid, so it may be read twice or missed. Give the table
 * a primary key when that matters.
 */
final class CtidRangeScan implements TableScan {

    static final int PAGES_PER_RANGE = 1024;

    private final PostgresRelation relation;
    private final int ctidIndex;
    private final int fetchSize;
    private final String contextKey;
    private final int pagesPerRange;
    private String lastCtid;
    private long nextPage;
    private long pages = -1;

    CtidRangeScan(PostgresRelation relation, int dataColumnCount, int fetchSize, String streamKey, int pagesPerRange) {
        this.relation = relation;
        this.pagesPerRange = pagesPerRange;
        this.ctidIndex = dataColumnCount + 1;
        this.fetchSize = fetchSize;
        this.contextKey = streamKey + ".full_refresh.last_ctid";
    }

    @Override
    public void restore(ExecutionContext context, Map<String, Object> previousSync) {
        if (context.containsKey(contextKey)) {
            lastCtid = KeysetPosition.parse(context.getString(contextKey)).key().get(0);
            nextPage = pageOf(lastCtid);
        }
    }

    @Override
    public PreparedStatement nextStatement(Connection connection, String dataColumns) throws SQLException {
        if (pages < 0) {
            pages = pageCount(connection);
        }
        if (nextPage >= pages) {
            return null;
        }
        long from = nextPage;
        nextPage = from + pagesPerRange;
        String sql = "SELECT " + dataColumns + ", r.ctid FROM " + relation.sqlName() + " AS r"
                + " WHERE r.ctid >= '(" + from + ",0)'::tid AND r.ctid < '(" + nextPage + ",0)'::tid"
                + (lastCtid != null && pageOf(lastCtid) >= from ? " AND r.ctid > CAST(? AS tid)" : "")
                + " ORDER BY r.ctid";
        PreparedStatement ps = TableScan.streaming(connection, sql, fetchSize);
        if (lastCtid != null && pageOf(lastCtid) >= from) {
            ps.setString(1, lastCtid);
        }
        return ps;
    }

    /**
     * Pages in the table now: every row of this run's snapshot was written before the snapshot
     * was taken, so it lies below this page count.
     */
    private long pageCount(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT pg_relation_size(CAST(? AS regclass)) / current_setting('block_size')::bigint")) {
            ps.setString(1, relation.sqlName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long pageOf(String ctid) {
        return Long.parseLong(ctid.substring(1, ctid.indexOf(',')));
    }

    @Override
    public boolean accept(ResultSet row) throws SQLException {
        lastCtid = row.getString(ctidIndex);
        return true;
    }

    @Override
    public void save(ExecutionContext context) {
        if (lastCtid != null) {
            context.putString(contextKey, new KeysetPosition(List.of(lastCtid)).asString());
        }
    }
}
