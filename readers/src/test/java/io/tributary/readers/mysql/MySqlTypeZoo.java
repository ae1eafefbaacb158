package io.tributary.readers.mysql;

/** A table with one column of each MySQL/MariaDB type family, and rows of ordinary, NULL and extreme values. */
final class MySqlTypeZoo {

    private MySqlTypeZoo() {}

    static final String CREATE_TABLE = """
            CREATE TABLE zoo (
              id int PRIMARY KEY,
              b tinyint(1), ti tinyint, tiu tinyint unsigned, si smallint, mi mediumint, i int, iu int unsigned,
              bi bigint, bu bigint unsigned,
              d decimal(12,2), dz decimal(65,30), f float, dbl double,
              bit1 bit(1), bit10 bit(10), y year,
              dt date, dtm datetime, dtm6 datetime(6), ts timestamp(3) NULL DEFAULT NULL, tm time, tm6 time(6),
              c char(3), vc varchar(20), tx text, e enum('small','it''s big'), st set('a','b','c'),
              j json, bn binary(4), vb varbinary(10), bl blob,
              g geometry, p point
            ) ENGINE=InnoDB""";

    static final String INSERT_VALUES = """
            INSERT INTO zoo VALUES (1,
              1, -128, 255, -32768, 8388607, -2147483648, 4294967295,
              9223372036854775807, 42,
              1234567890.12, 12345678901234567890123456789012345.123456789012345678901234567890, 1.5, 0.1,
              b'1', b'1000000001', 2024,
              '2024-02-29', '2024-02-29 13:14:15', '2024-02-29 13:14:15.123456', '2024-02-29 13:14:15.123', '13:14:15',
              '23:59:59.999999',
              'ab', 'Zürich ✓ 😀', 'line 1\\nline 2', 'it''s big', 'c,a',
              '{"a": 1.50, "b": [1, 2], "c": null}', 0x01020304, 0x00ff, 'hello',
              ST_GeomFromText('POINT(1 2)'), ST_GeomFromText('POINT(3 4)'))""";

    static final String INSERT_NULLS = "INSERT INTO zoo (id) VALUES (2)";

    static final String INSERT_EXTREMES = """
            INSERT INTO zoo (id, b, bi, bu, d, dt, dtm, ts, tm, tm6) VALUES (3,
              0, -9223372036854775808, 18446744073709551615, -9999999999.99,
              '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00', '-12:00:00', '838:59:59')""";
}
