package io.tributary.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The same order-independent summary as {@link BenchmarkData#checkOf}, computed by DuckDB over Parquet files. */
final class ParquetCheck {

    private ParquetCheck() {}

    static String of(Connection duck, String glob) throws SQLException {
        try (Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*), sum(id), sum(qty), sum(price), sum(length(name) + length(note)) FROM read_parquet('"
                                + glob + "')")) {
            rs.next();
            return "rows=" + rs.getLong(1) + ",sum_id=" + rs.getLong(2) + ",sum_qty=" + rs.getLong(3) + ",sum_price="
                    + rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_UP) + ",text_len=" + rs.getLong(5);
        }
    }
}
