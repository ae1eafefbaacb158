package io.tributary.batch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.repository.RepositoryDataSource;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path for a JSON export a user has as it is: a pretty-printed JSON array with floats and
 * nested objects, synced by the {@code file} source into local Parquet files and read back by DuckDB.
 */
class JsonArrayFileToLocalParquetIT {

    @TempDir
    Path dir;

    private TestDatabase database;
    private HikariDataSource dataSource;
    private SyncEngine engine;

    @BeforeEach
    void startEngine() {
        database = TestPostgres.get().createDatabase("jsonarray");
        dataSource = RepositoryDataSource.create(
                database.jdbcUrl(),
                TestPostgres.get().user(),
                TestPostgres.get().password());
        engine = SyncEngine.create(dataSource, ConnectorRegistry.load(), Duration.ofSeconds(1));
    }

    @AfterEach
    void stopEngine() {
        dataSource.close();
        database.close();
    }

    @Test
    void syncsAJsonArrayWithFloatsIntoParquetThatDuckDbReadsBack() throws Exception {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 1; i <= 250; i++) {
            json.append("  {\n    \"title\": \"movie ")
                    .append(i)
                    .append("\",\n    \"year\": ")
                    .append(1950 + i % 70)
                    .append(",\n    \"rating\": ")
                    .append(i % 10)
                    .append('.')
                    .append(i % 7)
                    .append("5,\n")
                    .append("    \"box_office\": {\"usd\": ")
                    .append(i)
                    .append(".125}\n  }")
                    .append(i < 250 ? ",\n" : "\n");
        }
        Path movies = Files.writeString(dir.resolve("movies.json"), json.append("]\n"));
        Path lake = dir.resolve("lake");

        SyncResult result = engine.sync(config(movies, lake), "movies_to_lake");

        assertThat(result.status()).isEqualTo("COMPLETED");
        assertThat(result.records()).isEqualTo(250);
        String files = "read_parquet('" + lake.resolve("*/movies/*.parquet") + "')";
        assertThat(query("SELECT count(*), sum(year) FROM " + files)).containsExactly(List.of(250L, sumOfYears()));
        assertThat(query("SELECT title, year, rating, box_office_usd FROM " + files
                        + " WHERE title IN ('movie 1', 'movie 17')" + " ORDER BY title"))
                .containsExactly(List.of("movie 1", 1951L, 1.15, 1.125), List.of("movie 17", 1967L, 7.35, 17.125));
    }

    private static long sumOfYears() {
        long sum = 0;
        for (int i = 1; i <= 250; i++) {
            sum += 1950 + i % 70;
        }
        return sum;
    }

    private TributaryConfig config(Path file, Path lake) {
        String yaml = """
                sources:
                  files: { type: file, config: { url: "%s" } }
                destinations:
                  lake: { type: local, config: { destination_path: "%s", format: parquet } }
                connections:
                  movies_to_lake:
                    source: files
                    destination: lake
                    chunk_size: 100
                    streams: [{ name: movies, sync_mode: full_refresh, destination_sync_mode: overwrite }]
                """.formatted(file, lake);
        return new ConnectionsFileLoader(n -> null)
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yml");
    }

    /** Rows of an in-memory DuckDB query, each as its values (BIGINT as Long, DOUBLE as Double). */
    private static List<List<Object>> query(String sql) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof java.math.BigInteger b ? b.longValue() : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
