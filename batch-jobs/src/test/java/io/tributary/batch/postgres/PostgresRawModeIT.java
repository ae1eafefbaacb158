package io.tributary.batch.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.batch.engine.SyncResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Normalization mode raw from PostgreSQL to PostgreSQL: only {@code _airbyte_raw_<stream>} is
 * written, its {@code _airbyte_data} holding each row as the source has it (jsonb documents included),
 * read ahead in chunks that end exactly where the job repository says.
 */
class PostgresRawModeIT {

    private PostgresSyncFixture fixture;

    @BeforeEach
    void createDatabases() {
        fixture = new PostgresSyncFixture("pg_raw_mode");
        fixture.source.execute(
                "CREATE TABLE customers (id int PRIMARY KEY, name text, amount numeric(10,2), doc jsonb)",
                "INSERT INTO customers SELECT g, 'name ' || g, g * 1.25, jsonb_build_object('contact', jsonb_build_object("
                        + "'email', 'c' || g || '@example.com'), 'tags', jsonb_build_array('a', g), 'score', 1.50) "
                        + "FROM generate_series(1, 1234) g");
    }

    @AfterEach
    void dropDatabases() {
        fixture.close();
    }

    @Test
    void loadsOnlyTheRawTableWithEveryRowAsJson() {
        String yaml = fixture.yaml("""
                raw: { source: shop, destination: warehouse, namespace_definition: destination, chunk_size: 100,
                       normalization: { mode: raw },
                       streams: [{ name: public.customers, sync_mode: full_refresh, destination_sync_mode: overwrite }] }
                """);
        SyncResult result = fixture.sync(yaml, "raw");
        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        assertThat(result.records()).isEqualTo(1234);
        assertThat(result.bytes()).isPositive();

        assertThat(fixture
                        .target
                        .query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'warehouse' "
                                + "AND table_name NOT LIKE '\\_tributary%' ORDER BY 1")
                        .stream()
                        .map(r -> (String) r[0])
                        .toList())
                .containsExactly("_airbyte_raw_customers");
        assertThat(fixture.target.queryValue("SELECT count(*) FROM warehouse._airbyte_raw_customers"))
                .isEqualTo(1234L);
        assertThat(fixture.target.queryValue(
                        "SELECT count(DISTINCT _airbyte_data->>'id') FROM warehouse._airbyte_raw_customers"))
                .isEqualTo(1234L);
        List<Object[]> row = fixture.target.query("SELECT _airbyte_data->>'name', _airbyte_data->>'amount', "
                + "_airbyte_data->'doc'->'contact'->>'email', _airbyte_data->'doc'->>'score', _airbyte_data->'doc'->'tags'->>1 "
                + "FROM warehouse._airbyte_raw_customers WHERE _airbyte_data->>'id' = '7'");
        assertThat(row.get(0)).containsExactly("name 7", "8.75", "c7@example.com", "1.50", "7");
    }
}
