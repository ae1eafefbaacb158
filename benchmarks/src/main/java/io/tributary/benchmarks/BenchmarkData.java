package io.tributary.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The benchmark table {@code <schema>.items}: {@code id bigint primary key, qty int, price numeric(12,2),
 * name text, note text, updated_at timestamptz, doc jsonb}, where {@code doc} is a customer document
 * with a {@code contact} object (email, phone) and an array of 1 to 3 {@code addresses}. Generated
 * in the database from a seed, so the same size and seed always give the same rows; kept between
 * runs and regenerated only when size or seed change. The suite's table lives in schema
 * {@value #SCHEMA}; the memory comparison's bigger one in {@value #BIG_SCHEMA}.
 */
final class BenchmarkData {

    static final String SCHEMA = "bench";
    static final String BIG_SCHEMA = "bench_big";

    private BenchmarkData() {}

    /** Creates {@code <schema>.items} with {@code rows} rows of {@code seed}, unless it is there already. */
    static void ensure(Connection c, String schema, long rows, long seed) throws SQLException {
        String table = schema + ".items";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".meta (rows bigint, seed bigint)");
            try (ResultSet rs = s.executeQuery("SELECT rows, seed FROM " + schema + ".meta")) {
                if (rs.next() && rs.getLong(1) == rows && rs.getLong(2) == seed && exists(c, table)) {
                    return;
                }
            }
            System.err.printf("generating %,d rows (seed %d) in %s ...%n", rows, seed, table);
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table
                    + " (id bigint PRIMARY KEY, qty int, price numeric(12,2), name text, note text, "
                    + "updated_at timestamptz, doc jsonb)");
            s.execute("""
                    INSERT INTO %3$s
                    SELECT i,
                           (abs(hashint8(i * 7 + %1$d)) %% 1000)::int,
                           ((abs(hashint8(i * 13 + %1$d)) %% 10000000) / 100.0)::numeric(12,2),
                           'Customer ' || i,
                           md5((i + %1$d)::text) || ' ' || md5((i * 3 + %1$d)::text) || ' ' || md5((i * 5 + %1$d)::text),
                           timestamptz '2024-01-01 00:00:00+00' + i * interval '1 second',
                           jsonb_build_object(
                             'contact', jsonb_build_object('email', 'customer' || i || '@example.com',
                                                           'phone', '+1 555 ' || lpad((i %% 10000)::text, 4, '0')),
                             'addresses', (SELECT jsonb_agg(jsonb_build_object(
                                              'street', (i * a) || ' Main Street',
                                              'city', (ARRAY['Paris','Boston','Lyon','Berlin','Oslo'])[1 + (i + a) %% 5],
                                              'zip', lpad(((i * a) %% 100000)::text, 5, '0')))
                                           FROM generate_series(1, 1 + (abs(hashint8(i + %1$d)) %% 3)::int) a))
                    FROM generate_series(1, %2$d) i""".formatted(seed, rows, table));
            s.execute("VACUUM ANALYZE " + table);
            s.execute("TRUNCATE " + schema + ".meta");
            s.execute("INSERT INTO " + schema + ".meta VALUES (" + rows + ", " + seed + ")");
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** An order-independent summary of the scalar columns, comparable across destinations. */
    static String checkOf(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*), sum(id), sum(qty), sum(price), sum(length(name) + length(note)) FROM "
                                + table)) {
            rs.next();
            return "rows=" + rs.getLong(1) + ",sum_id=" + rs.getLong(2) + ",sum_qty=" + rs.getLong(3) + ",sum_price="
                    + rs.getBigDecimal(4) + ",text_len=" + rs.getLong(5);
        }
    }

    /** The same summary over a raw table, from the records' JSON ({@code _airbyte_data}). */
    static String checkOfRaw(Connection c, String table) throws SQLException {
        return checkOf(
                c,
                "(SELECT (_airbyte_data->>'id')::bigint AS id, (_airbyte_data->>'qty')::int AS qty, "
                        + "(_airbyte_data->>'price')::numeric AS price, _airbyte_data->>'name' AS name, _airbyte_data->>'note' AS note "
                        + "FROM " + table + ") AS raw");
    }

    /** Number of address objects in all documents: the row count of the normalized child table. */
    static long addresses(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sum(jsonb_array_length(doc->'addresses')) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Writes the table as a CSV file with a header (the input of the CSV cases); kept between runs. */
    static Path csv(Connection c, String table, Path dir, long rows, long seed) throws SQLException, IOException {
        Path file = dir.resolve("items-" + rows + "-" + seed + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut(
                            "COPY (SELECT id, qty, price, name, note, updated_at FROM " + table
                                    + " ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER)",
                            out);
        }
        Files.move(tmp, file);
        return file;
    }
}
