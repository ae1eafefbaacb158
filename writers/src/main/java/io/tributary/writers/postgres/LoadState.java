package io.tributary.writers.postgres;

import io.tributary.postgres.PostgresIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The destination's record of loads in progress: one row per stream (keyed by the stream's final
 * table) in {@code <schema>._tributary_loads}, saying which sync owns the staged data, how many
 * chunks it has written, whether it completed, and the {@link LoadPlan} to finish it with. Changed
 * in the same transactions as the staged data, so it is always true of what the destination holds.
 */
final class LoadState {

    static final String TABLE = "_tributary_loads";

    enum Status {
        LOADING,
        COMPLETED
    }

    /** One stream's load. */
    record Row(long syncId, Status status, long lastChunk, LoadPlan plan) {}

    private final String table;

    LoadState(String schema) {
        this.table = PostgresIdentifiers.qualified(schema, TABLE);
    }

    /** Creates the table when missing; concurrent streams serialize on an advisory lock. */
    void ensure(Connection c, String schema) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, schema + "." + TABLE);
            lock.execute();
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table
                    + " (stream_table text PRIMARY KEY, connection text NOT NULL, "
                    + "sync_id bigint NOT NULL, status text NOT NULL, last_chunk bigint NOT NULL, plan jsonb NOT NULL, "
                    + "updated_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    /** The stream's row, locked until the transaction ends. */
    Optional<Row> lock(Connection c, String streamTable) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sync_id, status, last_chunk, plan::text FROM " + table
                + " WHERE stream_table = ? FOR UPDATE")) {
            ps.setString(1, streamTable);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(
                        rs.getLong(1),
                        Status.valueOf(rs.getString(2)),
                        rs.getLong(3),
                        LoadPlan.fromJson(rs.getString(4))));
            }
        }
    }

    /** Makes {@code syncId} the owner of the stream's staged data, with no chunk written yet. */
    void begin(Connection c, String streamTable, String connection, long syncId, LoadPlan plan) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (stream_table, connection, sync_id, status, last_chunk, plan) VALUES (?, ?, ?, 'LOADING', 0, CAST(? AS jsonb))"
                + " ON CONFLICT (stream_table) DO UPDATE SET connection = EXCLUDED.connection, sync_id = EXCLUDED.sync_id,"
                + " status = 'LOADING', last_chunk = 0, plan = EXCLUDED.plan, updated_at = now()")) {
            ps.setString(1, streamTable);
            ps.setString(2, connection);
            ps.setLong(3, syncId);
            ps.setString(4, plan.asJson());
            ps.executeUpdate();
        }
    }

    /** Records the number of the last chunk written (after a restart, the last one kept). */
    void chunkWritten(Connection c, String streamTable, long chunk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + table + " SET last_chunk = ?, updated_at = now() WHERE stream_table = ?")) {
            ps.setLong(1, chunk);
            ps.setString(2, streamTable);
            ps.executeUpdate();
        }
    }

    void completed(Connection c, String streamTable) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + table + " SET status = 'COMPLETED', updated_at = now() WHERE stream_table = ?")) {
            ps.setString(1, streamTable);
            ps.executeUpdate();
        }
    }
}
