package io.tributary.readers.postgres;

import io.tributary.testsupport.postgres.TestDatabase;

/** test-support's type zoo with the rows the reader tests check: ordinary, NULL, and empty and edge values. */
final class PostgresTypeZoo {

    private PostgresTypeZoo() {}

    static void create(TestDatabase db) {
        io.tributary.testsupport.postgres.PostgresTypeZoo.createTable(db);
        db.execute("""
                INSERT INTO zoo VALUES (1,
                  -32768, 9223372036854775807, 123456789012345.12340, 0.1000000000000000000001, 1.5, 0.1,
                  1234.56, true, 'héllo "wörld"' || chr(10) || 'tab' || chr(9) || 'end', 'varchar', 'ab',
                  '2024-02-29', '23:59:59.999999', '10:00:00+05:30', '2024-01-02 03:04:05.123456',
                  '2024-01-02 03:04:05.5+02', '1 year 2 months 3 days 04:05:06.5',
                  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1.50, "b": [1, 2], "c": {"d": null}}',
                  '{"a": 1.50, "b": [1, 2], "c": {"d": "x"}}', '\\x00ff10',
                  '{1,NULL,3}', '{"a,b","c\\"d",NULL,"NULL",""}', '{1.10,2}', '{{1,2},{3,4}}', 'happy', 12.5, '192.168.0.1/24')""", "INSERT INTO zoo (id) VALUES (2)", """
                INSERT INTO zoo (id, num_free, real_v, double_v, txt, vc, ch, d, ts, tstz, b, ints, texts, j, jb)
                VALUES (3, 'NaN', '-Infinity', 1e300, '', '', '', '0044-03-15 BC', 'infinity', '-infinity', '',
                  '{}', '{}', '{"a": 2}', '"just a string"')""");
    }
}
