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
 * The benchmark table {@code bench.items}: {@code id bigint primary key, qty int, price numeric(12,2),
 * name text, note text, updated_at timestamptz, doc jsonb}, where {@code doc} is a customer document
 * with a {@code contact} object (email, phone) and an array of 1 to 3 {@code addresses}. Generated
 * in the database from a seed, so the same size and seed always give the same rows; kept between
 * runs and regenerated only when size or seed change.
 */
final class BenchmarkData {

    static final String TABLE = "bench.items";

    private BenchmarkData() {
    }

    static void ensure(Connection c, long rows, long seed) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS bench");
            s.execute("CREATE TABLE IF NOT EXISTS bench.meta (rows bigint, seed bigint)");
            try (ResultSet rs = s.executeQuery("SELECT rows, seed FROM bench.meta")) {
                if (rs.next() && rs.getLong(1) == rows && rs.getLong(2) == seed
                        && exists(c)) {
                    return;
                }
            }
            System.err.printf("generating %,d rows (seed %d) in %s ...%n", rows, seed, TABLE);
            s.execute("DROP TABLE IF EXISTS bench.items");
            s.execute("""
                    CREATE TABLE bench.items (
                      id bigint PRIMARY KEY, qty int, price numeric(12,2), name text, note text,
                      updated_at timestamptz, doc jsonb)""");
            s.execute("""
                    INSERT INTO bench.items
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
                    FROM generate_series(1, %2$d) i""".formatted(seed, rows));
            s.execute("VACUUM ANALYZE bench.items");
            s.execute("TRUNCATE bench.meta");
            s.execute("INSERT INTO bench.meta VALUES (" + rows + ", " + seed + ")");
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT to_regclass('bench.items') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** An order-independent summary of the scalar columns, comparable across destinations. */
    static String checkOf(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*), sum(id), sum(qty), sum(price), sum(length(name) + length(note)) FROM " + table)) {
            rs.next();
            return "rows=" + rs.getLong(1) + ",sum_id=" + rs.getLong(2) + ",sum_qty=" + rs.getLong(3)
                    + ",sum_price=" + rs.getBigDecimal(4) + ",text_len=" + rs.getLong(5);
        }
    }

    /** Number of address objects in all documents: the row count of the normalized child table. */
    static long addresses(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(jsonb_array_length(doc->'addresses')) FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Writes the table as a CSV file with a header (the input of the CSV cases); kept between runs. */
    static Path csv(Connection c, Path dir, long rows, long seed) throws SQLException, IOException {
        Path file = dir.resolve("items-" + rows + "-" + seed + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(
                    "COPY (SELECT id, qty, price, name, note, updated_at FROM " + TABLE + " ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER)", out);
        }
        Files.move(tmp, file);
        return file;
    }
}
