package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.schema.Column;
import io.tributary.connector.schema.ColumnType;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableSchema;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/** Columns that appear in the source are added; a changed type keeps the existing column in append modes. */
class PostgresLoaderSchemaEvolutionIT {

    private TestDatabase db;
    private ConnectorConfig config;

    @BeforeEach
    void createDatabase() {
        db = TestPostgres.get().createDatabase("pg_evolve");
        config = LoaderFixture.config(LoaderFixture.settings(db));
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private static TableSchema people(Column... columns) {
        return LoaderFixture.table("people", List.of(columns), List.of("id"), null, List.of());
    }

    private static ConfiguredStream stream(DestinationSyncMode mode) {
        return LoaderFixture.stream("people", SyncMode.INCREMENTAL, mode, null, List.of("id"));
    }

    @Test
    void addsAColumnThatAppearsInTheSource() throws Exception {
        TableSchema v1 = people(Column.of("id", ColumnType.INTEGER), Column.of("name", ColumnType.STRING));
        TableSchema v2 = people(
                Column.of("id", ColumnType.INTEGER),
                Column.of("name", ColumnType.STRING),
                Column.of("email", ColumnType.STRING));
        LoaderFixture.sync(
                config,
                stream(DestinationSyncMode.APPEND_DEDUP),
                new StreamTables(List.of(v1)),
                1,
                List.of(LoaderFixture.record(v1, 1L, "ann")));
        LoaderFixture.sync(
                config,
                stream(DestinationSyncMode.APPEND_DEDUP),
                new StreamTables(List.of(v2)),
                2,
                List.of(LoaderFixture.record(v2, 2L, "bob", "bob@example.com")));
        assertThat(db.query("SELECT id, name, email FROM analytics.people ORDER BY id"))
                .extracting(r -> r[0] + "|" + r[1] + "|" + r[2])
                .containsExactly("1|ann|null", "2|bob|bob@example.com");
    }

    @Test
    void keepsTheExistingTypeWhenTheSourceTypeChangesAndSaysSoWhenValuesDoNotConvert() throws Exception {
        TableSchema numbers = people(Column.of("id", ColumnType.INTEGER), Column.of("age", ColumnType.INTEGER));
        TableSchema texts = people(Column.of("id", ColumnType.INTEGER), Column.of("age", ColumnType.STRING));
        LoaderFixture.sync(
                config,
                stream(DestinationSyncMode.APPEND),
                new StreamTables(List.of(numbers)),
                1,
                List.of(LoaderFixture.record(numbers, 1L, 41L)));
        LoaderFixture.sync(
                config,
                stream(DestinationSyncMode.APPEND),
                new StreamTables(List.of(texts)),
                2,
                List.of(LoaderFixture.record(texts, 2L, "42")));
        assertThat(db.queryValue("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                        + "WHERE attrelid = 'analytics.people'::regclass AND attname = 'age'"))
                .isEqualTo("bigint");
        assertThat(db.query("SELECT age FROM analytics.people ORDER BY id"))
                .extracting(r -> r[0])
                .containsExactly(41L, 42L);

        assertThatThrownBy(() -> LoaderFixture.sync(
                        config,
                        stream(DestinationSyncMode.APPEND),
                        new StreamTables(List.of(texts)),
                        3,
                        List.of(LoaderFixture.record(texts, 3L, "forty-three"))))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("age is bigint in analytics.people but text in the stream")
                .hasMessageContaining("run the stream with destination_sync_mode overwrite once");
        assertThat((Long) db.queryValue("SELECT count(*) FROM analytics.people"))
                .as("the failed merge changed nothing")
                .isEqualTo(2);
    }

    @Test
    void overwriteRecreatesTheTableWithTheNewTypes() throws Exception {
        TableSchema numbers = people(Column.of("id", ColumnType.INTEGER), Column.of("age", ColumnType.INTEGER));
        TableSchema texts = people(Column.of("id", ColumnType.INTEGER), Column.of("age", ColumnType.STRING));
        LoaderFixture.sync(
                config,
                stream(DestinationSyncMode.OVERWRITE),
                new StreamTables(List.of(numbers)),
                1,
                List.of(LoaderFixture.record(numbers, 1L, 41L)));
        LoaderFixture.sync(
                config,
                stream(DestinationSyncMode.OVERWRITE),
                new StreamTables(List.of(texts)),
                2,
                List.of(LoaderFixture.record(texts, 1L, "forty-one")));
        assertThat(db.queryValue("SELECT age FROM analytics.people")).isEqualTo("forty-one");
    }
}
