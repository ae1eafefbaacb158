package io.tributary.schedules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

/**
 * Creates Quartz's job store tables in PostgreSQL from the DDL that ships with Quartz, without its
 * {@code DROP TABLE} lines: the tables, and so every trigger, survive every start. Run by the
 * service's migrations; {@link #ensure(DataSource)} is for programs without them (tests).
 */
public final class QuartzSchema {

    private static final String DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    private static final long LOCK_KEY = 0x71727472L;

    private QuartzSchema() {}

    /** Creates the tables on {@code connection} unless they exist; never drops anything. */
    public static void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (exists(s)) {
                return;
            }
            for (String statement : statements()) {
                s.execute(statement);
            }
        }
    }

    /** {@link #create(Connection)} in its own transaction, serialized by an advisory lock. */
    public static void ensure(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            }
            create(c);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the Quartz tables: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT to_regclass('qrtz_locks') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static List<String> statements() {
        String script;
        try (InputStream in = StdJDBCDelegate.class.getClassLoader().getResourceAsStream(DDL)) {
            if (in == null) {
                throw new IllegalStateException("Quartz's " + DDL + " is not on the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.trim().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return Arrays.stream(withoutComments.toString().split(";"))
                .map(String::trim)
                .filter(st -> !st.isEmpty())
                .filter(st -> !st.regionMatches(true, 0, "DROP", 0, 4))
                .filter(st -> !st.equalsIgnoreCase("COMMIT"))
                .toList();
    }
}
