package io.tributary.testsupport.postgres;

import java.util.List;

/**
 * The logical replication slots of a test database. Slots live on the server, not in the database,
 * and keep WAL until dropped (a database with a slot cannot even be dropped): tests that create slots
 * drop them with {@link #dropAll} before closing the database.
 */
public final class ReplicationSlots {

    private ReplicationSlots() {}

    /** Names of the slots of {@code db}. */
    public static List<String> names(TestDatabase db) {
        return db
                .query("SELECT slot_name FROM pg_replication_slots WHERE database = '" + db.name() + "' ORDER BY 1")
                .stream()
                .map(r -> (String) r[0])
                .toList();
    }

    /** Ends the processes that use the slots of {@code db} and drops the slots. */
    public static void dropAll(TestDatabase db) {
        String mine = "FROM pg_replication_slots WHERE database = '" + db.name() + "'";
        for (int attempt = 0; attempt < 50 && !names(db).isEmpty(); attempt++) {
            db.query("SELECT pg_terminate_backend(active_pid) " + mine + " AND active_pid IS NOT NULL");
            try {
                db.query("SELECT pg_drop_replication_slot(slot_name) " + mine + " AND NOT active");
            } catch (IllegalStateException e) {
                // a slot still in use by a process that is ending: try again
            }
            if (!names(db).isEmpty()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The slot's {@code confirmed_flush_lsn} as text, or {@code null}. */
    public static String confirmedFlush(TestDatabase db, String slot) {
        List<Object[]> rows = db.query("SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = '"
                + slot.replace("'", "''") + "'");
        return rows.isEmpty() ? null : (String) rows.get(0)[0];
    }
}
