package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableSchema;
import io.tributary.postgres.PostgresIdentifiers;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Any table or column name arrives as itself, and names beyond 63 bytes stay distinct. */
class PostgresLoaderIdentifiersIT {

    private static TestDatabase db;
    private static ConnectorConfig config;

    @BeforeAll
    static void createDatabase() {
        db = TestPostgres.get().createDatabase("pg_names");
        config = LoaderFixture.config(LoaderFixture.settings(db));
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void quotesUpperCaseSpacesQuotesAndNonAsciiNames() throws Exception {
        String name = "Customer \"Orders\" Ünïcode";
        TableSchema table = LoaderFixture.table(
                name,
                List.of(
                        Column.of("Order ID", ColumnType.INTEGER),
                        Column.of("na\"me", ColumnType.STRING),
                        Column.of("naïve; DROP TABLE x", ColumnType.STRING)),
                List.of(),
                null,
                List.of());
        ConfiguredStream stream =
                LoaderFixture.stream(name, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, List.of());
        LoaderFixture.sync(
                config,
                stream,
                new StreamTables(List.of(table)),
                1,
                List.of(LoaderFixture.record(table, 1L, "a", "b")));

        assertThat(
                        db.query(
                                "SELECT \"Order ID\", \"na\"\"me\", \"naïve; DROP TABLE x\" FROM analytics.\"Customer \"\"Orders\"\" Ünïcode\""))
                .singleElement()
                .satisfies(r -> assertThat(r).containsExactly(1L, "a", "b"));
    }

    @Test
    void shortensLongTableAndColumnNamesWithoutCollisions() throws Exception {
        String common = "a_table_name_that_goes_on_and_on_well_past_what_postgresql_allows_in_one_identifier";
        String longColumn = "a_column_name_that_also_goes_on_and_on_well_past_the_sixty_three_byte_limit";
        for (String suffix : List.of("_first", "_second")) {
            TableSchema table = LoaderFixture.table(
                    common + suffix,
                    List.of(
                            Column.of(longColumn + "_x", ColumnType.STRING),
                            Column.of(longColumn + "_y", ColumnType.STRING)),
                    List.of(),
                    null,
                    List.of());
            ConfiguredStream stream = LoaderFixture.stream(
                    common + suffix, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, null, List.of());
            LoaderFixture.sync(
                    config,
                    stream,
                    new StreamTables(List.of(table)),
                    2,
                    List.of(LoaderFixture.record(table, suffix + "x", suffix + "y")));
        }
        String first = PostgresIdentifiers.fit(common + "_first");
        String second = PostgresIdentifiers.fit(common + "_second");
        assertThat(first).isNotEqualTo(second);
        assertThat(first.length()).isLessThanOrEqualTo(63);
        String x = PostgresIdentifiers.quote(PostgresIdentifiers.fit(longColumn + "_x"));
        String y = PostgresIdentifiers.quote(PostgresIdentifiers.fit(longColumn + "_y"));
        assertThat(db.query("SELECT " + x + ", " + y + " FROM analytics." + PostgresIdentifiers.quote(first)))
                .singleElement()
                .satisfies(r -> assertThat(r).containsExactly("_firstx", "_firsty"));
        assertThat(db.query("SELECT " + x + ", " + y + " FROM analytics." + PostgresIdentifiers.quote(second)))
                .singleElement()
                .satisfies(r -> assertThat(r).containsExactly("_secondx", "_secondy"));
    }
}
