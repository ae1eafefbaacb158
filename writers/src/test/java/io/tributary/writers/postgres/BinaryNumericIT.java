package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

class BinaryNumericIT {

    @Test
    void everyDecimalReadsBackFromPostgresqlExactly() throws Exception {
        List<BigDecimal> values = BinaryNumericTest.samples();
        try (TestDatabase db = TestPostgres.get().createDatabase("pg_binary_numeric")) {
            db.execute("CREATE TABLE numbers (i integer, n numeric)");
            try (Connection c = db.connect()) {
                BinaryCopyStream out = new BinaryCopyStream(
                        c.unwrap(PGConnection.class).getCopyAPI(), "COPY numbers (i, n) FROM STDIN (FORMAT binary)");
                for (int i = 0; i < values.size(); i++) {
                    out.startRow(2);
                    out.writeInt4(i);
                    out.writeNumeric(values.get(i));
                }
                assertThat(out.finish()).isEqualTo(values.size());
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            List<Object[]> rows = db.query("SELECT n::text FROM numbers ORDER BY i");
            for (int i = 0; i < values.size(); i++) {
                assertThat(rows.get(i)[0])
                        .as("value %s", values.get(i))
                        .isEqualTo(values.get(i).toPlainString());
            }
        }
    }
}
