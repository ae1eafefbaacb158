package io.tributary.batch.repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Spring Batch's job repository tables in PostgreSQL when they are missing (never drops
 * them). An advisory lock keeps two processes starting at once from creating them twice.
 */
public final class JobRepositorySchema {

    private static final long LOCK_KEY = 0x7472696275L;

    private JobRepositorySchema() {}

    public static void ensure(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
                try {
                    if (!exists(c)) {
                        ScriptUtils.executeSqlScript(
                                c, new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"));
                    }
                } finally {
                    s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the job repository: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('batch_job_instance') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
