package io.tributary.readers.postgres.cdc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.replication.ReplicationSlotInfo;

/** One logical replication slot: its state as {@code pg_replication_slots} shows it, creation and removal. */
final class ReplicationSlot {

    private static final String STATE = """
            SELECT s.plugin, s.database, s.active, s.active_pid, s.restart_lsn::text, s.confirmed_flush_lsn::text,
                   to_jsonb(s) ->> 'wal_status', pg_current_wal_lsn()::text
              FROM pg_replication_slots s WHERE s.slot_name = ?
            """;

    private final String name;

    ReplicationSlot(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /**
     * What the server says about the slot.
     *
     * @param walStatus {@code reserved}, {@code extended}, {@code unreserved} or {@code lost} (PostgreSQL 13+), else {@code null}
     * @param serverLsn the server's current WAL write position
     */
    record State(
            String plugin,
            String database,
            boolean active,
            Integer activePid,
            Lsn restartLsn,
            Lsn confirmedFlush,
            String walStatus,
            Lsn serverLsn) {

        /** WAL kept on the server's disk for this slot. */
        long retainedBytes() {
            return restartLsn == null ? 0 : serverLsn.bytesAfter(restartLsn);
        }

        /** WAL written since the position the slot's consumer last confirmed. */
        long behindBytes() {
            return confirmedFlush == null ? 0 : serverLsn.bytesAfter(confirmedFlush);
        }

        boolean lost() {
            return "lost".equals(walStatus) || restartLsn == null;
        }
    }

    Optional<State> state(Connection session) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(STATE)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int pid = rs.getInt(4);
                Integer activePid = rs.wasNull() ? null : pid;
                return Optional.of(new State(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        activePid,
                        lsn(rs.getString(5)),
                        lsn(rs.getString(6)),
                        rs.getString(7),
                        Lsn.parse(rs.getString(8))));
            }
        }
    }

    private static Lsn lsn(String text) {
        return text == null ? null : Lsn.parse(text);
    }

    /** The slot's consistent point and the name of the snapshot exported with it. */
    record Created(Lsn consistentPoint, String snapshotName) {}

    /**
     * Creates the slot with the pgoutput plugin on a replication connection. The exported snapshot
     * stays importable only while that connection runs no other command and stays open.
     */
    Created create(Connection replication) throws SQLException {
        ReplicationSlotInfo info = replication
                .unwrap(PGConnection.class)
                .getReplicationAPI()
                .createReplicationSlot()
                .logical()
                .withSlotName(name)
                .withOutputPlugin("pgoutput")
                .make();
        return new Created(Lsn.parse(info.getConsistentPoint().asString()), info.getSnapshotName());
    }

    void drop(Connection session) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
            ps.setString(1, name);
            ps.execute();
        }
    }

    /** {@code 1.5 GB}, {@code 12.0 MB}, {@code 800 B}: sizes for log lines. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
