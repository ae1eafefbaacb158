package io.tributary.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a benchmark runs: the PostgreSQL database holding {@code bench.items} (and the job
 * repository and PostgreSQL outputs), the table size, and a work directory for files.
 */
record BenchContext(String host, int port, String database, String user, String password, long rows, long seed, Path workDir,
                    String s3Endpoint) {

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    String[] toArgs() {
        return new String[] {host, String.valueOf(port), database, user, password == null ? "" : password, String.valueOf(rows),
                String.valueOf(seed), workDir.toString(), s3Endpoint == null ? "" : s3Endpoint};
    }

    static BenchContext fromArgs(String[] a, int offset) {
        return new BenchContext(a[offset], Integer.parseInt(a[offset + 1]), a[offset + 2], a[offset + 3], a[offset + 4],
                Long.parseLong(a[offset + 5]), Long.parseLong(a[offset + 6]), Path.of(a[offset + 7]),
                a.length > offset + 8 && !a[offset + 8].isEmpty() ? a[offset + 8] : null);
    }

    /** The YAML of a source reading {@code bench.items} from this database. */
    String postgresSourceYaml() {
        return "{ type: postgres, config: { host: " + host + ", port: " + port + ", database: " + database + ", username: " + user
                + (password == null || password.isEmpty() ? "" : ", password: \"" + password + "\"") + ", schemas: [bench] } }";
    }

    String postgresDestinationYaml(String schema) {
        return "{ type: postgres, config: { host: " + host + ", port: " + port + ", database: " + database + ", username: " + user
                + (password == null || password.isEmpty() ? "" : ", password: \"" + password + "\"") + ", schema: " + schema + " } }";
    }
}
