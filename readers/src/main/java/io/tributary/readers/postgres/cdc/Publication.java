package io.tributary.readers.postgres.cdc;

import io.tributary.postgres.PostgresIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * The publication pgoutput reads: makes sure it exists, publishes every kind of change without
 * filters, and lists the captured table, creating or extending it when the user may and otherwise
 * failing with the SQL an administrator can run.
 */
final class Publication {

    private final String name;

    Publication(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The name as pgoutput's {@code publication_names} option reads it (quoted: names keep their case). */
    String optionValue() {
        return PostgresIdentifiers.quote(name);
    }

    /** What the publication is, if it exists. */
    record Definition(boolean allTables, boolean inserts, boolean updates, boolean deletes, boolean truncates) {}

    Definition definition(Connection session) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement(
                "SELECT puballtables, pubinsert, pubupdate, pubdelete, pubtruncate FROM pg_publication WHERE pubname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new Definition(
                                rs.getBoolean(1),
                                rs.getBoolean(2),
                                rs.getBoolean(3),
                                rs.getBoolean(4),
                                rs.getBoolean(5))
                        : null;
            }
        }
    }

    /**
     * Makes sure the table's changes are published, all of them.
     *
     * @param where the table, for messages
     * @return warnings worth logging (a publication that does not publish truncates)
     * @throws ItemStreamException naming what is wrong and the SQL that fixes it
     */
    List<String> ensure(Connection session, String schema, String table, String user, String where)
            throws SQLException {
        String qualified = PostgresIdentifiers.qualified(schema, table);
        String quotedName = PostgresIdentifiers.quote(name);
        List<String> warnings = new ArrayList<>();
        Definition definition = definition(session);
        if (definition == null) {
            String create = "CREATE PUBLICATION " + quotedName + " FOR TABLE " + qualified;
            tryAsUser(
                    session,
                    create,
                    where + ": publication '" + name + "' does not exist and user '" + user
                            + "' may not create it (needs CREATE on the database and ownership of " + qualified
                            + "). Ask an administrator to run: " + create + ";");
            return warnings;
        }
        List<String> missing = new ArrayList<>();
        if (!definition.inserts()) {
            missing.add("insert");
        }
        if (!definition.updates()) {
            missing.add("update");
        }
        if (!definition.deletes()) {
            missing.add("delete");
        }
        if (!missing.isEmpty()) {
            throw new ItemStreamException(where + ": publication '" + name + "' does not publish "
                    + String.join(", ", missing)
                    + " changes, so they would never reach the destination. Run: ALTER PUBLICATION " + quotedName
                    + " SET (publish = 'insert, update, delete, truncate');");
        }
        if (!definition.truncates()) {
            warnings.add("publication '" + name + "' does not publish truncates: a TRUNCATE of " + qualified
                    + " will not reach the destination (ALTER PUBLICATION " + quotedName
                    + " SET (publish = 'insert, update, delete, truncate') to change that)");
        }
        try (PreparedStatement ps =
                session.prepareStatement("SELECT to_jsonb(t) ->> 'rowfilter' FROM pg_publication_tables t "
                        + "WHERE t.pubname = ? AND t.schemaname = ? AND t.tablename = ?")) {
            ps.setString(1, name);
            ps.setString(2, schema);
            ps.setString(3, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    String filter = rs.getString(1);
                    if (filter != null) {
                        throw new ItemStreamException(where + ": publication '" + name + "' publishes only the rows of "
                                + qualified + " where " + filter
                                + ", so the other rows' changes would be lost. Publish the "
                                + "whole table: ALTER PUBLICATION " + quotedName + " SET TABLE " + qualified
                                + " (or use another publication)");
                    }
                    return warnings;
                }
            }
        }
        String add = "ALTER PUBLICATION " + quotedName + " ADD TABLE " + qualified;
        tryAsUser(
                session,
                add,
                where + ": " + qualified + " is not in publication '" + name + "' and user '" + user
                        + "' may not add it (needs ownership of the publication and of the table). Ask an administrator to run: "
                        + add + ";");
        return warnings;
    }

    private static void tryAsUser(Connection session, String sql, String refusal) throws SQLException {
        try (Statement s = session.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new ItemStreamException(refusal);
            }
            throw e;
        }
    }
}
