package io.tributary.readers.postgres.cdc;

import io.tributary.connector.source.CheckResult;
import io.tributary.postgres.PostgresConnectionConfig;
import io.tributary.postgres.PostgresIdentifiers;
import io.tributary.readers.postgres.shared.CdcSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks change capture adds to the source's {@code check}: the server setting, the user's
 * replication right, free slots, the publication, and per table what its updates and deletes will carry.
 */
public final class CdcCheck {

    private CdcCheck() {}

    /**
     * @param connected the message of the passed connection check, extended with what CDC found
     */
    public static CheckResult check(
            Connection c,
            PostgresConnectionConfig connection,
            CdcSettings settings,
            List<String> schemas,
            String connected)
            throws SQLException {
        String user = connection.username();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String walLevel = value(c, "SELECT current_setting('wal_level')");
        if (!"logical".equals(walLevel)) {
            problems.add("wal_level is '" + walLevel
                    + "' but CDC needs 'logical': run ALTER SYSTEM SET wal_level = logical; "
                    + "and restart the PostgreSQL server");
        }
        if (!"true"
                .equals(value(
                        c, "SELECT (rolreplication OR rolsuper)::text FROM pg_roles WHERE rolname = current_user"))) {
            problems.add("user '" + user + "' may not use logical replication: run ALTER ROLE "
                    + PostgresIdentifiers.quote(user) + " REPLICATION");
        }
        long freeSlots = Long.parseLong(value(
                c,
                "SELECT current_setting('max_replication_slots')::int - (SELECT count(*) FROM pg_replication_slots)"));
        notes.add(freeSlots + " free replication slots (max_replication_slots); each captured table uses one, named "
                + settings.slotBase() + "_<schema>_<table>");
        if (freeSlots <= 0) {
            problems.add(
                    "no free replication slot: raise max_replication_slots (and max_wal_senders) and restart the server, "
                            + "or drop unused slots (see pg_replication_slots)");
        }

        Map<String, TableIdentity> relations = TableIdentity.inSchemas(c, schemas);
        Set<String> keyed = tablesWithPrimaryKey(c, schemas);
        List<String> capturable = new ArrayList<>();
        List<String> notCapturable = new ArrayList<>();
        for (TableIdentity t : relations.values().stream()
                .sorted((a, b) -> a.sqlName().compareTo(b.sqlName()))
                .toList()) {
            if (t.kind() != 'r') {
                continue;
            }
            boolean hasKey = keyed.contains(t.schema() + "." + t.name());
            String why = t.whyNotCapturable(hasKey);
            if (why != null) {
                notCapturable.add(why);
            } else {
                capturable.add(t.sqlName());
                if (t.replicaIdentity() != 'd') {
                    notes.add(t.describeChanges(hasKey));
                }
            }
        }
        if (!capturable.isEmpty()) {
            notes.add(
                    capturable.size() + " tables can be captured; with a primary key and the default REPLICA IDENTITY, "
                            + "deletes carry the primary key, and updates leave out unchanged TOASTed values (an absent field means "
                            + "unchanged)");
        }
        notes.addAll(notCapturable);

        Publication publication = new Publication(settings.publication());
        Publication.Definition definition = publication.definition(c);
        String quoted = PostgresIdentifiers.quote(settings.publication());
        if (definition == null) {
            boolean mayCreate =
                    "true".equals(value(c, "SELECT has_database_privilege(current_database(), 'CREATE')::text"));
            String sql = "CREATE PUBLICATION " + quoted + " FOR TABLE "
                    + (capturable.isEmpty()
                            ? "<schema>.<table>"
                            : String.join(", ", capturable.subList(0, Math.min(20, capturable.size()))));
            if (mayCreate) {
                notes.add("publication '" + settings.publication()
                        + "' does not exist yet: the first sync creates it with the " + "captured tables (which user '"
                        + user + "' must own), or an administrator runs: " + sql + ";");
            } else {
                problems.add("publication '" + settings.publication() + "' does not exist and user '" + user
                        + "' may not " + "create it: ask an administrator to run " + sql + ";");
            }
        } else if (!definition.inserts() || !definition.updates() || !definition.deletes()) {
            problems.add(
                    "publication '" + settings.publication() + "' does not publish every change: run ALTER PUBLICATION "
                            + quoted + " SET (publish = 'insert, update, delete, truncate');");
        } else {
            notes.add("publication '" + settings.publication() + "' exists"
                    + (definition.allTables() ? " (FOR ALL TABLES)" : "")
                    + (definition.truncates() ? "" : "; it does not publish truncates"));
        }
        if (!problems.isEmpty()) {
            return CheckResult.failure(
                    "PostgreSQL at " + connection.address() + ": CDC cannot run: " + String.join("; ", problems));
        }
        return CheckResult.success(
                connected + "\nCDC (logical replication, pgoutput): " + String.join("\n- ", prepend(notes)));
    }

    private static List<String> prepend(List<String> notes) {
        List<String> out = new ArrayList<>();
        out.add("wal_level=logical, replication allowed");
        out.addAll(notes);
        return out;
    }

    private static Set<String> tablesWithPrimaryKey(Connection c, List<String> schemas) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT n.nspname, t.relname FROM pg_index i
                  JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE i.indisprimary AND n.nspname = ANY (?)""")) {
            ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        return out;
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
