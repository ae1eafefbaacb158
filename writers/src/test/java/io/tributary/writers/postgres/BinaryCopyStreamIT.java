package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

class BinaryCopyStreamIT {

    @Test
    void textArrivesAsItsUtf8WithoutNulCharactersWhateverItsCharactersAndLength() throws Exception {
        List<String> values = List.of(
                "",
                "plain ascii",
                "héllo \"wörld\"\n\ttab\\",
                "a\0b\0",
                "\0",
                "smile \uD83D\uDE00",
                "lone \uD800 surrogate",
                "\u007f\u0080",
                "x".repeat(65_532),
                "y".repeat(65_533),
                "z".repeat(200_000),
                "é".repeat(40_000));
        try (TestDatabase db = TestPostgres.get().createDatabase("pg_binary_text")) {
            db.execute("CREATE TABLE texts (i integer, t text)");
            try (Connection c = db.connect()) {
                BinaryCopyStream out = new BinaryCopyStream(
                        c.unwrap(PGConnection.class).getCopyAPI(), "COPY texts (i, t) FROM STDIN (FORMAT binary)");
                for (int round = 0; round < 3; round++) { // later rounds start at other buffer positions
                    for (int i = 0; i < values.size(); i++) {
                        out.startRow(2);
                        out.writeInt4(round * values.size() + i);
                        out.writeText(values.get(i));
                    }
                }
                assertThat(out.finish()).isEqualTo(3L * values.size());
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            List<Object[]> rows = db.query("SELECT t FROM texts ORDER BY i");
            for (int i = 0; i < rows.size(); i++) {
                String value = values.get(i % values.size());
                String expected = new String(PostgresColumnTypes.text(value), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(rows.get(i)[0]).as("value %d", i).isEqualTo(expected);
            }
            assertThat(rows.get(3)[0]).isEqualTo("ab");
            assertThat(rows.get(6)[0]).isEqualTo("lone ? surrogate");
        }
    }

    @Test
    void jsonbArrivesAsTheSameDocumentAsThroughTheByteArrayPath() throws Exception {
        List<String> values = List.of(
                "{\"changes\":[]}",
                "{\"a\":\"x\\u0000y\",\"b\":\"\\\\u0000\"}",
                "{\"é\":\"日本\"}",
                "[1,2.50,\"\\\"q\\\"\"]",
                "\"" + "x".repeat(70_000) + "\"",
                "{\"k\":\"" + "y".repeat(65_525) + "\"}",
                "null",
                "{}");
        try (TestDatabase db = TestPostgres.get().createDatabase("pg_binary_jsonb")) {
            db.execute("CREATE TABLE docs (i integer, through_bytes jsonb, direct jsonb)");
            try (Connection c = db.connect()) {
                BinaryCopyStream out = new BinaryCopyStream(
                        c.unwrap(PGConnection.class).getCopyAPI(),
                        "COPY docs (i, through_bytes, direct) FROM STDIN (FORMAT binary)");
                for (int i = 0; i < values.size(); i++) {
                    out.startRow(3);
                    out.writeInt4(i);
                    out.writeBytes(new byte[] {1}, JsonText.withoutNulEscapes(PostgresColumnTypes.text(values.get(i))));
                    out.writeJsonb(values.get(i));
                }
                assertThat(out.finish()).isEqualTo(values.size());
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            assertThat(db.query("SELECT i FROM docs WHERE through_bytes::text IS DISTINCT FROM direct::text"))
                    .isEmpty();
            assertThat(db.queryValue("SELECT count(*) FROM docs")).isEqualTo(8L);
            assertThat(db.queryValue("SELECT direct->>'a' FROM docs WHERE i = 1"))
                    .isEqualTo("xy");
        }
    }
}
