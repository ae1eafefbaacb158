package io.tributary.writers.postgres;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.schema.TableSchema;
import io.tributary.postgres.PostgresIdentifiers;
import io.tributary.testsupport.contract.WriterRestartContract;
import io.tributary.testsupport.postgres.TestDatabase;
import io.tributary.testsupport.postgres.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The PostgreSQL loader passes the writer restart contract. */
class PostgresLoaderRestartContractIT extends WriterRestartContract {

    private TestDatabase db;
    private ConnectorConfig config;

    @BeforeEach
    void createDatabase() {
        db = TestPostgres.get().createDatabase("pg_contract");
        config = LoaderFixture.config(LoaderFixture.settings(db));
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Override
    protected StreamLoader loader(ConfiguredStream stream, StreamTables tables, LoadContext context) {
        return LoaderFixture.DESTINATION.loader(config, stream, tables, context);
    }

    @Override
    protected List<Long> visibleIds(TableSchema table) {
        String name = PostgresIdentifiers.qualified(namespace(), PostgresIdentifiers.fit(table.name()));
        if (db.queryValue("SELECT to_regclass('" + name.replace("'", "''") + "')") == null) {
            return List.of();
        }
        return db.query("SELECT id FROM " + name).stream().map(r -> (Long) r[0]).toList();
    }
}
