package io.tributary.batch.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncResult;
import io.tributary.batch.repository.RepositoryDataSource;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.testsupport.mysql.TestMariaDb;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB to normalized Parquet files (the local destination) through the engine, read back by DuckDB,
 * an independent reader: each type family in its Parquet type with the source's exact value, zero dates NULL.
 */
class MariaDbToParquetIT {

    @TempDir
    Path lake;

    @Test
    void theTypeZooLandsAsTypedParquetThatDuckDbReadsBackExactly() throws Exception {
        TestPostgres pg = TestPostgres.get();
        try (TestMariaDb.Database source = TestMariaDb.get().createDatabase("my_parquet");
                TestDatabase repository = pg.createDatabase("my_parquet_repo");
                HikariDataSource repo = RepositoryDataSource.create(repository.jdbcUrl(), pg.user(), pg.password())) {
            source.execute(
                    "SET SESSION sql_mode = ''",
                    "CREATE TABLE zoo (id int PRIMARY KEY, flag tinyint(1), big bigint unsigned, price decimal(12,3), "
                            + "born date, seen datetime(6), at timestamp(3) NULL DEFAULT NULL, span time(3), yr year, "
                            + "doc json, raw varbinary(8), label varchar(20))",
                    "INSERT INTO zoo SELECT seq, seq % 2, 18446744073709551615 - seq, seq * 1.125, "
                            + "DATE '2024-01-01' + INTERVAL seq DAY, TIMESTAMP '2024-01-01 00:00:00.000001' + INTERVAL seq MINUTE, "
                            + "TIMESTAMP '2024-06-30 23:59:59.999' - INTERVAL seq HOUR, '12:30:00.250', 2000 + seq % 30, "
                            + "JSON_OBJECT('n', seq, 'tag', CONCAT('t', seq)), UNHEX('00FF10'), CONCAT('Zürich ', seq) FROM seq_1_to_500",
                    "INSERT INTO zoo (id, born, seen, at) VALUES (1000, '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00')");
            String yaml = """
                    sources: { shop: { type: mysql, config: { host: "%s", port: %d, database: %s, username: "%s", password: "%s" } } }
                    destinations: { lake: { type: local, config: { destination_path: "%s", format: parquet } } }
                    connections:
                      zoo_to_lake: { source: shop, destination: lake, chunk_size: 100, streams: [%s.zoo] }
                    """.formatted(
                            source.server().host(),
                            source.server().port(),
                            source.name(),
                            source.server().user(),
                            source.server().password(),
                            lake,
                            source.name());
            SyncResult result = SyncEngine.create(repo, ConnectorRegistry.load(), Duration.ofSeconds(5))
                    .sync(
                            new ConnectionsFileLoader(n -> null)
                                    .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml"),
                            "zoo_to_lake");
            assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
            assertThat(result.records()).isEqualTo(501);

            String files = "read_parquet('" + lake.resolve(source.name()).resolve("zoo") + "/*.parquet')";
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = duck.createStatement()) {
                ResultSet rs =
                        s.executeQuery("SELECT typeof(flag), typeof(big), typeof(price), typeof(born), typeof(seen), "
                                + "typeof(\"at\"), typeof(span), typeof(yr), typeof(doc_n), typeof(raw) FROM " + files
                                + " LIMIT 1");
                rs.next();
                List<String> types = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    types.add(rs.getString(i));
                }
                assertThat(types)
                        .containsExactly(
                                "BOOLEAN",
                                "DECIMAL(20,0)",
                                "DECIMAL(12,3)",
                                "DATE",
                                "TIMESTAMP",
                                "TIMESTAMP WITH TIME ZONE",
                                "TIME",
                                "BIGINT",
                                "BIGINT",
                                "VARCHAR");

                // every value of rows 1..500 compared as text with MariaDB's own
                List<String> expected = source
                        .query(
                                "SELECT CONCAT_WS('|', id, IF(flag, 'true', 'false'), big, price, born, "
                                        + "seen, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f'), TIME_FORMAT(span, '%H:%i:%s.%f'), yr, JSON_VALUE(doc, '$.n'), "
                                        + "JSON_VALUE(doc, '$.tag'), TO_BASE64(raw), label) FROM zoo WHERE id <= 500 ORDER BY id")
                        .stream()
                        .map(r -> (String) r[0])
                        .toList();
                List<String> actual = new ArrayList<>();
                // the instant of a TIMESTAMP WITH TIME ZONE in UTC, without the session's zone: from its epoch
                rs = s.executeQuery("SELECT concat_ws('|', id, flag, big, price, born, "
                        + "strftime(seen, '%Y-%m-%d %H:%M:%S.%f'), strftime(make_timestamp(epoch_us(\"at\")), '%Y-%m-%d %H:%M:%S.%f'), "
                        + "strftime(DATE '2000-01-01' + span, '%H:%M:%S.%f'), yr, doc_n, doc_tag, raw, label) FROM "
                        + files
                        + " WHERE id <= 500 ORDER BY id");
                while (rs.next()) {
                    actual.add(rs.getString(1));
                }
                assertThat(actual).hasSize(500).isEqualTo(expected);

                rs = s.executeQuery("SELECT born IS NULL AND seen IS NULL AND \"at\" IS NULL, _airbyte_meta FROM "
                        + files + " WHERE id = 1000");
                rs.next();
                assertThat(rs.getBoolean(1)).as("zero dates are NULL").isTrue();
                assertThat(rs.getString(2)).contains("born", "seen", "NULLED");
            }
        }
    }
}
