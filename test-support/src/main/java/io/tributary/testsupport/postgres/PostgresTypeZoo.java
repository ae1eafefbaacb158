package io.tributary.testsupport.postgres;

/**
 * A table with a column of every PostgreSQL type the source maps ({@code zoo}: numbers, text, dates
 * and times, json, bytea, arrays, an enum, a domain, inet), for the tests that check values cross
 * the source, normalization and the destinations exactly. Each test inserts the rows it checks.
 */
public final class PostgresTypeZoo {

    private PostgresTypeZoo() {}

    /** Creates the enum {@code mood}, the domain {@code price} and the empty table {@code zoo} in {@code db}. */
    public static void createTable(TestDatabase db) {
        db.execute(
                "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN price AS numeric(12,3) CHECK (VALUE >= 0)",
                """
                CREATE TABLE zoo (
                  id int PRIMARY KEY,
                  small smallint, big bigint, num numeric(20,5), num_free numeric, real_v real, double_v double precision,
                  money_v money, flag boolean, txt text, vc varchar(10), ch char(4),
                  d date, t time, ttz timetz, ts timestamp(6), tstz timestamptz, iv interval,
                  u uuid, j json, jb jsonb, b bytea,
                  ints int[], texts text[], nums numeric[], matrix int[][], mood_v mood, price_v price, inet_v inet)""");
    }
}
