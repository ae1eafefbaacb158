package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

class BinaryCopyStreamIT {

    @Test
    void textArrivesAsItsUtf8WithoutNulCharactersWhateverItsCharactersAndLength() throws Exception {
        List<String> values = List.of("", "plain ascii", "héllo \"wörld\"\n\ttab\\", "a\0b\0", "\0", "smile \uD83D\uDE00",
                "lone \uD800 surrogate", "\u007f\u0080", "x".repeat(65_532), "y".repeat(65_533), "z".repeat(200_000),
                "é".repeat(40_000));
        try (TestDatabase db = TestPostgres.get().createDatabase("pg_binary_text")) {
            db.execute("CREATE TABLE texts (i integer, t text)");
            try (Connection c = db.connect()) {
                BinaryCopyStream out = new BinaryCopyStream(c.unwrap(PGConnection.class).getCopyAPI(),
                        "COPY texts (i, t) FROM STDIN (FORMAT binary)");
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
}
