package io.tributary.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a benchmark runs: the PostgreSQL database holding the benchmark table {@code <schema>.items}
 * (and the job repository and PostgreSQL outputs), the table's size, a work directory for files, and
 * the S3 server and bucket of the S3 case.
 *
 * @param schema the schema of the benchmark table: {@link BenchmarkData#SCHEMA}, or the big table's for the memory case
 * @param s3 the S3 server and bucket of the S3 case, or {@code null} when no case needs it
 */
record BenchContext(
        String host,
        int port,
        String database,
        String user,
        String password,
        long rows,
        long seed,
        Path workDir,
        String schema,
        S3Target s3) {

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    String table() {
        return schema + ".items";
    }

    /** This context for the table of {@code rows} rows in {@code schema}. */
    BenchContext withTable(String schema, long rows) {
        return new BenchContext(host, port, database, user, password, rows, seed, workDir, schema, s3);
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
        return new String[] {
            host,
            String.valueOf(port),
            database,
            user,
            password == null ? "" : password,
            String.valueOf(rows),
            String.valueOf(seed),
            workDir.toString(),
            schema,
            s3 == null ? "" : s3.asArg()
        };
    }

    static BenchContext fromArgs(String[] a, int offset) {
        return new BenchContext(
                a[offset],
                Integer.parseInt(a[offset + 1]),
                a[offset + 2],
                a[offset + 3],
                a[offset + 4],
                Long.parseLong(a[offset + 5]),
                Long.parseLong(a[offset + 6]),
                Path.of(a[offset + 7]),
                a[offset + 8],
                a.length > offset + 9 && !a[offset + 9].isEmpty() ? S3Target.fromArg(a[offset + 9]) : null);
    }

    /** The YAML of a source reading {@code <schema>.items} from this database. */
    String postgresSourceYaml() {
        return "{ type: postgres, config: { host: " + host + ", port: " + port + ", database: " + database
                + ", username: " + user
                + (password == null || password.isEmpty() ? "" : ", password: \"" + password + "\"") + ", schemas: ["
                + schema + "] } }";
    }

    String postgresDestinationYaml(String schema) {
        return "{ type: postgres, config: { host: " + host + ", port: " + port + ", database: " + database
                + ", username: " + user
                + (password == null || password.isEmpty() ? "" : ", password: \"" + password + "\"") + ", schema: "
                + schema + " } }";
    }
}
